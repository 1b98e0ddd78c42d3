using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace Spine.Model.Loading
{
    /// <summary>
    /// What parsing found in the files no binding reads (most of a real spine's bytes: snapshots, inventories), by
    /// path and <see cref="ContentHash"/>, kept on disk between runs of the CLI — as linters keep a cache — so an
    /// unchanged file is not parsed again only to learn that it still has no syntax error or duplicate key. Modelled
    /// files are always parsed (the rules need their trees). One file per spine root; written atomically; an entry
    /// is used only for the same path, content and Spine version. Never used by the analyzer (no I/O there).
    /// </summary>
    public sealed class SyntaxCache
    {
        private const string Magic = "spine-syntax-cache 1";
        private readonly string _file;
        private readonly string _version;
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly object _gate = new object();
        private bool _changed;

        private SyntaxCache(string file, string version)
        {
            _file = file;
            _version = version;
        }

        /// <summary>SPINE_CACHE=off turns the cache off for every caller (the CLI's check and the build task).</summary>
        public static bool TurnedOff => string.Equals(Environment.GetEnvironmentVariable("SPINE_CACHE"), "off", StringComparison.OrdinalIgnoreCase);

        /// <summary>This build of Spine.Model with its commit: what parsing finds is this assembly's doing, so a cache written by another build is not used.</summary>
        private static readonly string Version = typeof(SyntaxCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

        /// <summary>The cache of <paramref name="root"/> in <paramref name="folder"/>; an unreadable or foreign file is an empty cache.</summary>
        public static SyntaxCache Open(string folder, string root)
        {
            var name = "syntax-" + ContentHash.Of(Path.GetFullPath(root)).Replace(':', '-') + ".txt";
            var cache = new SyntaxCache(Path.Combine(folder, name), Version);
            try
            {
                if (File.Exists(cache._file))
                {
                    cache.Read(File.ReadAllLines(cache._file));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is IndexOutOfRangeException)
            {
                cache._entries.Clear();
            }

            return cache;
        }

        /// <summary>The findings parsing had for this exact text, or null.</summary>
        public IReadOnlyList<Finding>? Find(string path, string hash)
        {
            lock (_gate)
            {
                return _entries.TryGetValue(path, out var entry) && entry.Hash == hash ? entry.Findings : null;
            }
        }

        public void Remember(string path, string hash, IReadOnlyList<Finding> findings)
        {
            lock (_gate)
            {
                _entries[path] = new Entry(hash, findings);
                _changed = true;
            }
        }

        /// <summary>Writes the cache when it changed, keeping only <paramref name="present"/> files; a failure to write only costs speed.</summary>
        public void Save(IEnumerable<string> present)
        {
            lock (_gate)
            {
                var keep = new HashSet<string>(present, StringComparer.Ordinal);
                foreach (var gone in new List<string>(_entries.Keys))
                {
                    if (!keep.Contains(gone))
                    {
                        _entries.Remove(gone);
                        _changed = true;
                    }
                }

                if (!_changed)
                {
                    return;
                }

                var text = new StringBuilder();
                text.Append(Magic).Append('\t').Append(Escape(_version)).Append('\n');
                foreach (var pair in _entries)
                {
                    text.Append("F\t").Append(Escape(pair.Key)).Append('\t').Append(pair.Value.Hash).Append('\n');
                    foreach (var f in pair.Value.Findings)
                    {
                        text.Append("D\t").Append(f.RuleId).Append('\t').Append((int)f.Severity).Append('\t').Append(Span(f.Span)).Append('\t').Append(Escape(f.Message));
                        foreach (var related in f.Related)
                        {
                            text.Append('\t').Append(Span(related));
                        }

                        text.Append('\n');
                    }
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                    var temp = _file + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                    File.WriteAllText(temp, text.ToString());
                    if (File.Exists(_file))
                    {
                        File.Replace(temp, _file, null);
                    }
                    else
                    {
                        File.Move(temp, _file);
                    }

                    _changed = false;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
            }
        }

        private void Read(string[] lines)
        {
            if (lines.Length == 0 || lines[0] != Magic + "\t" + Escape(_version))
            {
                return;
            }

            string? path = null;
            string? hash = null;
            var findings = new List<Finding>();
            void Flush()
            {
                if (path != null)
                {
                    _entries[path] = new Entry(hash!, findings.ToArray());
                }

                findings.Clear();
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var parts = lines[i].Split('\t');
                if (parts[0] == "F")
                {
                    Flush();
                    path = Unescape(parts[1]);
                    hash = parts[2];
                }
                else if (parts[0] == "D" && path != null)
                {
                    var related = new List<SourceSpan>();
                    for (var r = 5; r < parts.Length; r++)
                    {
                        related.Add(ParseSpan(path, parts[r]));
                    }

                    findings.Add(new Finding(parts[1], null, (Severity)int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), ParseSpan(path, parts[3]), Unescape(parts[4]), related.ToEquatableArray()));
                }
                else
                {
                    throw new FormatException("unknown line");
                }
            }

            Flush();
        }

        private static string Span(SourceSpan s) => string.Join(",", s.Start, s.End, s.Line, s.Column, s.EndLine, s.EndColumn);

        private static SourceSpan ParseSpan(string path, string text)
        {
            var n = Array.ConvertAll(text.Split(','), v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
            return new SourceSpan(path, n[0], n[1], n[2], n[3], n[4], n[5]);
        }

        private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

        private static string Unescape(string s)
        {
            var b = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    i++;
                    b.Append(s[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => s[i] });
                }
                else
                {
                    b.Append(s[i]);
                }
            }

            return b.ToString();
        }

        private sealed class Entry
        {
            public Entry(string hash, IReadOnlyList<Finding> findings)
            {
                Hash = hash;
                Findings = findings;
            }

            public string Hash { get; }

            public IReadOnlyList<Finding> Findings { get; }
        }
    }
}
