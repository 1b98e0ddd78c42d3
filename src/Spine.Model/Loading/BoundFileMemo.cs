using System;
using System.Collections.Concurrent;

namespace Spine.Model.Loading
{
    /// <summary>
    /// Bound files kept in memory by spine-relative path and exact text, for a process that loads the same spine again
    /// and again: the MSBuild task in a reused build node, where a YAML edit then parses only the edited file. A file
    /// whose text changed is bound again; a hit is confirmed by comparing the whole text. Bounded: past
    /// <see cref="Capacity"/> entries it starts over.
    /// </summary>
    public sealed class BoundFileMemo
    {
        private const int Capacity = 4096;
        private readonly ConcurrentDictionary<string, (string Text, BoundFile Bound)> _entries = new ConcurrentDictionary<string, (string, BoundFile)>(StringComparer.Ordinal);

        /// <summary>The bound file for this root, path and text: kept, or made by <paramref name="bind"/>.</summary>
        public BoundFile Get(string root, SpineFile file, Func<SpineFile, BoundFile> bind)
        {
            var key = root + "\0" + file.Path;
            if (_entries.TryGetValue(key, out var kept) && string.Equals(kept.Text, file.Text, StringComparison.Ordinal))
            {
                return kept.Bound;
            }

            var bound = bind(file);
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[key] = (file.Text, bound);
            return bound;
        }
    }
}
