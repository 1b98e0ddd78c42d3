using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using Spine.Model.Yaml;

namespace Spine.Model.Loading
{
    /// <summary>
    /// What parsing gave for each file of a spine — the parser's findings (syntax errors, duplicate keys) and, for a
    /// modelled file, its node tree with every span — by path and <see cref="ContentHash"/>, kept on disk between runs
    /// as linters keep a cache, so an unchanged file is not scanned again: an unmodelled one only to learn that it still
    /// parses, a modelled one to rebuild the tree its binding reads (the binding itself and every rule run on each
    /// check). One binary file per spine root, written atomically; an entry is used only for the same path, content and
    /// Spine version, and an entry that cannot be read is parsed again. Entries are decoded when asked for, on the
    /// loader's threads. Never used by the analyzer (no I/O there).
    /// </summary>
    public sealed class SyntaxCache
    {
        private const string Magic = "spine-syntax-cache 3";
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

        /// <summary>The cache file's name pattern in its folder (one per spine root).</summary>
        public const string FilePattern = "syntax-*.bin";

        /// <summary>The cache of <paramref name="root"/> in <paramref name="folder"/>; an unreadable or foreign file is an empty cache.</summary>
        public static SyntaxCache Open(string folder, string root)
        {
            var name = "syntax-" + ContentHash.Of(Path.GetFullPath(root)).Replace(':', '-') + ".bin";
            var cache = new SyntaxCache(Path.Combine(folder, name), Version);
            try
            {
                if (File.Exists(cache._file))
                {
                    cache.Read(File.ReadAllBytes(cache._file));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is ArgumentException)
            {
                cache._entries.Clear();
            }

            return cache;
        }

        /// <summary>What parsing gave for this exact text of this file (a null document for an unmodelled file), or null.</summary>
        public (IReadOnlyList<Finding> Findings, YamlDocument? Document)? Find(string path, string hash)
        {
            Entry entry;
            lock (_gate)
            {
                if (!_entries.TryGetValue(path, out entry!) || entry.Hash != hash)
                {
                    return null;
                }
            }

            try
            {
                if (Checksum(entry.Data, entry.Offset, entry.Length) != entry.Checksum)
                {
                    throw new FormatException("the entry's checksum does not match");
                }

                return SyntaxCodec.Decode(path, entry.Data, entry.Offset, entry.Length);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
            {
                // Damaged on disk (a changed byte inside a value would decode, so each entry carries a checksum): the
                // caller parses the file again and replaces the entry.
                return null;
            }
        }

        /// <summary>Keeps what parsing gave for this text; <paramref name="document"/> only for a modelled file (an unmodelled one's tree is never read).</summary>
        public void Remember(string path, string hash, IReadOnlyList<Finding> findings, YamlDocument? document)
        {
            var payload = SyntaxCodec.Encode(findings, document);
            lock (_gate)
            {
                _entries[path] = new Entry(hash, Checksum(payload, 0, payload.Length), payload, 0, payload.Length);
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

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                    var temp = _file + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                    using (var stream = File.Create(temp))
                    using (var writer = new BinaryWriter(stream, new UTF8Encoding(false)))
                    {
                        writer.Write(Magic);
                        writer.Write(_version);
                        writer.Write(_entries.Count);
                        foreach (var pair in _entries)
                        {
                            writer.Write(pair.Key);
                            writer.Write(pair.Value.Hash);
                            writer.Write(pair.Value.Checksum);
                            writer.Write(pair.Value.Length);
                            writer.Write(pair.Value.Data, pair.Value.Offset, pair.Value.Length);
                        }
                    }

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

        /// <summary>Indexes the entries of a cache file; their payloads stay in <paramref name="bytes"/> until asked for.</summary>
        private void Read(byte[] bytes)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false));
            try
            {
                if (reader.ReadString() != Magic || reader.ReadString() != _version)
                {
                    return;
                }

                var count = reader.ReadInt32();
                for (var i = 0; i < count; i++)
                {
                    var path = reader.ReadString();
                    var hash = reader.ReadString();
                    var checksum = reader.ReadUInt64();
                    var length = reader.ReadInt32();
                    var offset = (int)reader.BaseStream.Position;
                    if (length < 0 || length > bytes.Length - offset)
                    {
                        throw new FormatException("entry runs past the end of the cache");
                    }

                    reader.BaseStream.Position = offset + length;
                    _entries[path] = new Entry(hash, checksum, bytes, offset, length);
                }
            }
            catch (EndOfStreamException)
            {
                throw new FormatException("the cache ends early");
            }
        }

        /// <summary>A payload's checksum: catches damage, not tampering (whoever can write the cache can write the spine).</summary>
        private static ulong Checksum(byte[] data, int offset, int length) => ContentHash.Of(data, offset, length);

        private sealed class Entry
        {
            public Entry(string hash, ulong checksum, byte[] data, int offset, int length)
            {
                Hash = hash;
                Checksum = checksum;
                Data = data;
                Offset = offset;
                Length = length;
            }

            public string Hash { get; }

            public ulong Checksum { get; }

            /// <summary>The payload is <see cref="Length"/> bytes of <see cref="Data"/> from <see cref="Offset"/> (the whole cache file as read, or its own array).</summary>
            public byte[] Data { get; }

            public int Offset { get; }

            public int Length { get; }
        }
    }
}
