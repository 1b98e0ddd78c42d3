using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using Spine.Model.Loading;

namespace Spine.Generators
{
    /// <summary>
    /// One string and one content hash per text instance. The IDE keeps an unchanged document's SourceText from one
    /// snapshot to the next, so an edit of one binding makes no other file's string or hash again; in a command-line
    /// build the generator and the analyzer share the string of each text and its hash.
    /// </summary>
    internal static class TextIdentity
    {
        private static readonly ConditionalWeakTable<SourceText, string> Strings = new ConditionalWeakTable<SourceText, string>();
        private static readonly ConditionalWeakTable<string, string> Hashes = new ConditionalWeakTable<string, string>();

        public static string Content(SourceText text) => Strings.GetValue(text, t => t.ToString());

        public static string Hash(string content) => Hashes.GetValue(content, ContentHash.Of);
    }
}
