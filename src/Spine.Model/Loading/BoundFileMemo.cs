using System;
using System.Collections.Concurrent;

namespace Spine.Model.Loading
{
    /// <summary>
    /// Bound files kept in memory by spine-relative path and exact content, for a process that loads the same spine again
    /// and again: the MSBuild task in a reused build node, where a YAML edit then parses only the edited file. A file
    /// whose text changed is bound again; a hit is confirmed by comparing the whole content. Bounded: past
    /// <see cref="Capacity"/> entries it starts over.
    /// </summary>
    public sealed class BoundFileMemo
    {
        private const int Capacity = 4096;
        private readonly ConcurrentDictionary<string, (byte[] Content, BoundFile Bound)> _entries = new ConcurrentDictionary<string, (byte[], BoundFile)>(StringComparer.Ordinal);

        /// <summary>The bound file for this root, path and content: kept, or made by <paramref name="bind"/>.</summary>
        public BoundFile Get(string root, string path, byte[] content, Func<BoundFile> bind)
        {
            var key = root + "\0" + path;
            if (_entries.TryGetValue(key, out var kept) && Same(kept.Content, content))
            {
                return kept.Bound;
            }

            var bound = bind();
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[key] = (content, bound);
            return bound;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
