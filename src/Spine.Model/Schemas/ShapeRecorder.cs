using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Schemas
{
    /// <summary>What a binder asked of a value: the reader's method decides the shape it accepts.</summary>
    public enum Shape
    {
        Mapping,
        Sequence,
        Scalar,
        Integer,
        Boolean,
        ScalarList,
        IntegerList,
        MappingList,

        /// <summary>A mapping read entry by entry (its keys are names: capabilities, map entries).</summary>
        Dictionary,

        /// <summary>A scalar the entry cannot do without.</summary>
        Required,
    }

    /// <summary>
    /// Listens to a <see cref="BindingReader"/> while a binder reads one document, and notes for each place it reads
    /// (a path: keys, <c>[]</c> for list items, <c>*</c> for the entries of a dictionary) which shapes it accepts there.
    /// The JSON Schemas are made from these notes, so they say what the loader accepts, no more.
    /// </summary>
    public sealed class ShapeRecorder
    {
        private const string Separator = "\u0001";
        private readonly Dictionary<YamlNode, (YamlNode Parent, string Key)> _parents = new Dictionary<YamlNode, (YamlNode, string)>(ReferenceComparer.Instance);
        private readonly HashSet<string> _dictionaries = new HashSet<string>();
        private readonly Dictionary<string, (IReadOnlyList<string> Path, HashSet<Shape> Shapes)> _seen = new Dictionary<string, (IReadOnlyList<string>, HashSet<Shape>)>();

        public ShapeRecorder(YamlNode root) => Index(root);

        /// <summary>Every place read, with its shapes.</summary>
        public IEnumerable<(IReadOnlyList<string> Path, IReadOnlyCollection<Shape> Shapes)> Seen => _seen.Values.Select(v => (v.Path, (IReadOnlyCollection<Shape>)v.Shapes));

        internal void Key(YamlMapping? parent, string key, Shape shape)
        {
            if (parent is null || !_parents.ContainsKey(parent) && !IsRoot(parent))
            {
                return;
            }

            Note(PathOf(parent).Concat(new[] { key }).ToList(), shape);
        }

        internal void Node(YamlNode? node, Shape shape)
        {
            if (node is null || !_parents.ContainsKey(node))
            {
                return;
            }

            Note(PathOf(node), shape);
        }

        private YamlNode? _root;

        private bool IsRoot(YamlNode node) => ReferenceEquals(node, _root);

        private void Note(List<string> path, Shape shape)
        {
            var key = string.Join(Separator, path);
            if (shape == Shape.Dictionary)
            {
                _dictionaries.Add(key);
            }

            if (!_seen.TryGetValue(key, out var entry))
            {
                entry = (path, new HashSet<Shape>());
                _seen[key] = entry;
            }

            entry.Shapes.Add(shape);
        }

        /// <summary>The node's place: list items become <c>[]</c>, entries of a dictionary <c>*</c>.</summary>
        private List<string> PathOf(YamlNode node)
        {
            var segments = new List<string>();
            var current = node;
            while (_parents.TryGetValue(current, out var up))
            {
                segments.Add(up.Key);
                current = up.Parent;
            }

            segments.Reverse();
            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i] != "[]" && _dictionaries.Contains(string.Join(Separator, segments.Take(i))))
                {
                    segments[i] = "*";
                }
            }

            return segments;
        }

        private void Index(YamlNode root)
        {
            _root = root;
            var stack = new Stack<YamlNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                switch (node)
                {
                    case YamlMapping map:
                        foreach (var entry in map.UniqueEntries)
                        {
                            if (!_parents.ContainsKey(entry.Value))
                            {
                                _parents[entry.Value] = (map, entry.Key.Value);
                                stack.Push(entry.Value);
                            }
                        }

                        break;
                    case YamlSequence sequence:
                        foreach (var item in sequence.Items)
                        {
                            if (!_parents.ContainsKey(item))
                            {
                                _parents[item] = (sequence, "[]");
                                stack.Push(item);
                            }
                        }

                        break;
                }
            }
        }

        private sealed class ReferenceComparer : IEqualityComparer<YamlNode>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

            public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
