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
            YamlFiles(root).Select(f => new SpineFile(Relative(root, f), File.ReadAllText(f))).ToList();

        /// <summary>
        /// Reads, parses and binds every file of the spine, on all cores (largest files first, so one big snapshot does
        /// not end up last on one core). With a <paramref name="cache"/>, an unchanged file is not parsed again (its
        /// findings and, when modelled, its tree come from the <see cref="SyntaxCache"/>; bindings and rules always run); with a <paramref name="memo"/>, no unchanged file is parsed again
        /// in this process (<see cref="BoundFileMemo"/>).
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
            var file = new SpineFile(Relative(root, path), File.ReadAllText(path));
            if (memo != null)
            {
                return memo.Get(root, file, f => Bind(f, cache));
            }

            return Bind(file, cache);
        }

        private static BoundFile Bind(SpineFile file, SyntaxCache? cache)
        {
            if (cache is null)
            {
                return SpineLoader.BindFile(file);
            }

            var modelled = SpineLoader.IsModelled(file.Path);
            var hash = ContentHash.Of(file.Text);
            if (cache.Find(file.Path, hash) is { } known && (known.Document != null) == modelled)
            {
                return modelled
                    ? SpineLoader.Bind(new ParsedFile(file.Path, known.Document!, known.Findings))
                    : new BoundFile(file.Path, !known.Findings.Any(f => f.RuleId == RuleCatalog.YamlSyntax.Id), null, known.Findings.ToEquatableArray());
            }

            if (modelled)
            {
                var parsed = ParsedFile.Parse(file.Path, file.Text);
                cache.Remember(file.Path, hash, parsed.Findings, parsed.Document);
                return SpineLoader.Bind(parsed);
            }

            var fresh = SpineLoader.BindFile(file);
            cache.Remember(file.Path, hash, fresh.Findings.ToList(), null);
            return fresh;
        }

        /// <summary>Parsed files of the spine at <paramref name="root"/> by relative path, read on first use (baseline fingerprints need them).</summary>
        public static Func<string, Yaml.YamlDocument?> Documents(string root)
        {
            var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, Yaml.YamlDocument?>(StringComparer.Ordinal);
            return relative => cache.GetOrAdd(relative, r =>
            {
                var path = System.IO.Path.Combine(root, r);
                return File.Exists(path) ? ParsedFile.Parse(r, File.ReadAllText(path)).Document : null;
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
