using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Spine.Model.Loading
{
    /// <summary>
    /// Reads a spine root from disk: every <c>ops/**/*.yaml</c> (and <c>.yml</c>) file, in ordinal path
    /// order. Used by the CLI and the MSBuild task; the analyzer gets its files from the compiler.
    /// </summary>
    public static class SpineDirectory
    {
        public static IReadOnlyList<string> YamlFiles(string root)
        {
            var ops = System.IO.Path.Combine(root, "ops");
            if (!Directory.Exists(ops))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateFiles(ops, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Relative(root, f), StringComparer.Ordinal)
                .ToList();
        }

        public static IReadOnlyList<SpineFile> Read(string root) =>
            YamlFiles(root).Select(f => new SpineFile(Relative(root, f), FileContent.ReadText(f))).ToList();

        /// <summary>
        /// Reads, parses and binds every file of the spine, on all cores (largest files first, so one big snapshot does
        /// not end up last on one core). With a <paramref name="cache"/>, an unchanged file is not parsed again (its
        /// findings and, when modelled, its tree come from the <see cref="SyntaxCache"/>; bindings and rules always
        /// run); with a <paramref name="memo"/>, no unchanged file is bound again in this process (<see cref="BoundFileMemo"/>).
        /// </summary>
        public static SpineWorkspace Load(string root, SyntaxCache? cache = null, BoundFileMemo? memo = null)
        {
            var paths = YamlFiles(root);
            var bound = new BoundFile[paths.Count];
            var largestFirst = Enumerable.Range(0, paths.Count).OrderByDescending(i => new FileInfo(paths[i]).Length).ToList();
            System.Threading.Tasks.Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(largestFirst, loadBalance: true),
                new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => bound[i] = LoadFile(root, paths[i], cache, memo));
            cache?.Save(bound.Select(b => b.Path));
            return SpineLoader.Assemble(root, bound);
        }

        private static BoundFile LoadFile(string root, string path, SyntaxCache? cache, BoundFileMemo? memo)
        {
            var relative = Relative(root, path);
            var bytes = FileContent.Read(path);
            return memo is null ? Bind(relative, bytes, cache) : memo.Get(root, relative, bytes, () => Bind(relative, bytes, cache));
        }

        private static BoundFile Bind(string path, byte[] bytes, SyntaxCache? cache)
        {
            if (cache is null)
            {
                return SpineLoader.BindFile(new SpineFile(path, FileContent.Text(bytes)));
            }

            var modelled = SpineLoader.IsModelled(path);
            var hash = ContentHash.Of(bytes);
            if (cache.Find(path, hash) is { } known && (known.Document != null) == modelled)
            {
                return modelled
                    ? SpineLoader.Bind(new ParsedFile(path, known.Document!, known.Findings))
                    : new BoundFile(path, !known.Findings.Any(f => f.RuleId == RuleCatalog.YamlSyntax.Id), null, known.Findings.ToEquatableArray());
            }

            // Not known: decoded and parsed now, and what parsing gave is kept for the next run.
            var text = FileContent.Text(bytes);
            if (modelled)
            {
                var parsed = ParsedFile.Parse(path, text);
                cache.Remember(path, hash, parsed.Findings, parsed.Document);
                return SpineLoader.Bind(parsed);
            }

            var fresh = SpineLoader.BindFile(new SpineFile(path, text));
            cache.Remember(path, hash, fresh.Findings, null);
            return fresh;
        }

        /// <summary>Parsed files of the spine at <paramref name="root"/> by relative path, read on first use (baseline fingerprints need them).</summary>
        public static Func<string, Yaml.YamlDocument?> Documents(string root)
        {
            var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, Yaml.YamlDocument?>(StringComparer.Ordinal);
            return relative => cache.GetOrAdd(relative, r =>
            {
                var path = System.IO.Path.Combine(root, r);
                return File.Exists(path) ? ParsedFile.Parse(r, FileContent.ReadText(path)).Document : null;
            });
        }

        /// <summary>The path of <paramref name="file"/> relative to <paramref name="root"/>, '/'-separated.</summary>
        public static string Relative(string root, string file)
        {
            var fullRoot = System.IO.Path.GetFullPath(root).TrimEnd(System.IO.Path.DirectorySeparatorChar, '/') + System.IO.Path.DirectorySeparatorChar;
            var fullFile = System.IO.Path.GetFullPath(file);
            var relative = fullFile.StartsWith(fullRoot, StringComparison.Ordinal) ? fullFile.Substring(fullRoot.Length) : fullFile;
            return relative.Replace('\\', '/');
        }
    }
}
