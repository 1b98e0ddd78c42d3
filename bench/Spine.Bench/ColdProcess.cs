using Spine.Generators;

namespace Spine.Bench;

/// <summary>What a fresh compiler process does not have: the per-file cache, the kept emitted texts, the analyzer's kept results.</summary>
internal static class ColdProcess
{
    public static int Forget()
    {
        BoundFileCache.Clear();
        EmittedSources.Clear();
        SpineAnalyzer.ClearResults();
        return 0;
    }
}
