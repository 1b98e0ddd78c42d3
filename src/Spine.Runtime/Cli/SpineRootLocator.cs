using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Spine.Runtime.Cli;

/// <summary>Which spine a command works on: <c>--root</c>, else <c>SPINE_ROOT</c>, else the spine this binary was built against.</summary>
internal static class SpineRootLocator
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("SPINE_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return typeof(SpineRootLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SpineRoot")?.Value ?? Directory.GetCurrentDirectory();
    }
}
