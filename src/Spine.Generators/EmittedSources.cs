using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;

namespace Spine.Generators
{
    /// <summary>
    /// The text each output was last emitted with, by its spec and options, for the next generator driver in this
    /// process. The compiler server starts every build with new additional texts, so every build runs the pipeline to
    /// its end and would emit the same C# again (~13 ms for the 02-25 spine, docs/benchmarks.md); an equal spec now
    /// gives the same text. A hit is confirmed by comparing the specs, so a hash collision never returns another's
    /// text. Bounded: past <see cref="Capacity"/> entries it starts over.
    /// </summary>
    internal static class EmittedSources
    {
        private const int Capacity = 64;
        private static readonly ConcurrentDictionary<(string HintName, int Hash), (object Spec, EmitOptions Options, SourceText Text)> Texts =
            new ConcurrentDictionary<(string, int), (object, EmitOptions, SourceText)>();

        public static SourceText Get<TSpec>(string hintName, TSpec spec, EmitOptions options, Func<TSpec, EmitOptions, string> emit)
            where TSpec : class
        {
            var key = (hintName, unchecked((spec.GetHashCode() * 397) ^ options.GetHashCode()));
            if (Texts.TryGetValue(key, out var kept) && kept.Spec.Equals(spec) && kept.Options.Equals(options))
            {
                return kept.Text;
            }

            var text = SourceText.From(emit(spec, options), System.Text.Encoding.UTF8);
            if (Texts.Count >= Capacity)
            {
                Texts.Clear();
            }

            Texts[key] = (spec, options, text);
            return text;
        }

        /// <summary>Forgets everything (the benchmarks measure a cold compiler process this way).</summary>
        internal static void Clear() => Texts.Clear();
    }
}
