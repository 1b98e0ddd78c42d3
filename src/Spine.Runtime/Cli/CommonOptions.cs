using System.CommandLine;

namespace Spine.Runtime.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Root() => new("--root")
    {
        Description = "The spine root (the folder holding ops/). Default: $SPINE_ROOT, else the spine this tool was built against.",
    };
}
