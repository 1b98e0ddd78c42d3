using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using Spine.Model.Loading;

namespace Spine.Generators
{
    /// <summary>
    /// The analyzer's per-file cache: an unchanged additional file keeps its SourceText instance from
    /// one compilation to the next (every keystroke in the IDE makes a new compilation), so keying
    /// the bound file on that instance — weakly, so nothing is kept alive — skips reparsing it.
    /// </summary>
    internal static class BoundFileCache
    {
        private static readonly ConditionalWeakTable<SourceText, BoundFile> Cache = new ConditionalWeakTable<SourceText, BoundFile>();

        public static BoundFile Get(string relativePath, SourceText text)
        {
            if (Cache.TryGetValue(text, out var cached) && cached.Path == relativePath)
            {
                return cached;
            }

            var bound = SpineLoader.BindFile(new SpineFile(relativePath, text.ToString()));
            try
            {
                Cache.Add(text, bound);
            }
            catch (System.ArgumentException)
            {
                // Another thread bound it first (or the same text sits at another path); both results are equal.
            }

            return bound;
        }
    }
}
