using System;
using System.Collections.Concurrent;
using System.Threading;
using Spine.Model.Loading;
using Spine.Model.Yaml;

namespace Spine.Generators
{
    /// <summary>
    /// The generator's and the analyzer's shared per-file cache, keyed by spine-relative path and content, so it
    /// survives from one compilation to the next — in the IDE (every keystroke makes a new compilation) and in the
    /// compiler server (every build makes new texts and a new generator driver). An unchanged file is never parsed
    /// twice; a C#-only edit parses no YAML at all. Entries are found by a hash and confirmed by comparing the text,
    /// so a hash collision can never return another file's result. Bounded: when it holds too many it starts over.
    /// </summary>
    internal static class BoundFileCache
    {
        private const int Capacity = 8192;

        private static readonly ConcurrentDictionary<string, (string Text, BoundFile Bound)> Bound = new ConcurrentDictionary<string, (string, BoundFile)>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, (string Text, YamlDocument Document)> Documents = new ConcurrentDictionary<string, (string, YamlDocument)>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, int> ParsesByKey = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private static int _parses;

        /// <summary>How many files were parsed since the process started (tests assert that unchanged files are not).</summary>
        public static int Parses => Volatile.Read(ref _parses);

        /// <summary>How often this exact file (path and text) was parsed since the process started.</summary>
        public static int ParsesOf(string path, string text) => ParsesByKey.TryGetValue(Key(path, text), out var n) ? n : 0;

        public static BoundFile Get(SpineFile file)
        {
            var key = Key(file.Path, file.Text);
            if (Bound.TryGetValue(key, out var cached) && (ReferenceEquals(cached.Text, file.Text) || string.Equals(cached.Text, file.Text, StringComparison.Ordinal)))
            {
                return cached.Bound;
            }

            Interlocked.Increment(ref _parses);
            ParsesByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
            var bound = SpineLoader.BindFile(file);
            if (Bound.Count > Capacity)
            {
                Bound.Clear();
                ParsesByKey.Clear();
            }

            Bound[key] = (file.Text, bound);
            return bound;
        }

        /// <summary>Forgets everything (the benchmarks measure a cold compiler process this way).</summary>
        internal static void Clear()
        {
            Bound.Clear();
            Documents.Clear();
            ParsesByKey.Clear();
        }

        /// <summary>The parsed tree of a file (baseline fingerprints need the node path at a finding).</summary>
        public static YamlDocument Document(SpineFile file)
        {
            var key = Key(file.Path, file.Text);
            if (Documents.TryGetValue(key, out var cached) && string.Equals(cached.Text, file.Text, StringComparison.Ordinal))
            {
                return cached.Document;
            }

            if (Documents.Count > 256)
            {
                Documents.Clear();
            }

            var document = ParsedFile.Parse(file.Path, file.Text).Document;
            Documents[key] = (file.Text, document);
            return document;
        }

        /// <summary>The path and the text's <see cref="ContentHash"/>.</summary>
        public static string Key(string path, string text) => path + "\n" + TextIdentity.Hash(text);
    }
}
