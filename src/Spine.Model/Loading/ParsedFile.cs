using System.Collections.Generic;
using Spine.Model.Yaml;

namespace Spine.Model.Loading
{
    /// <summary>A file after parsing: its node tree and the findings of parsing (syntax, duplicate keys).</summary>
    public sealed class ParsedFile
    {
        internal ParsedFile(string path, YamlDocument document, IReadOnlyList<Finding> findings)
        {
            Path = path;
            Document = document;
            Findings = findings;
        }

        public string Path { get; }

        public YamlDocument Document { get; }

        public IReadOnlyList<Finding> Findings { get; }

        public static ParsedFile Parse(string path, string text)
        {
            var findings = new List<Finding>();
            var document = YamlParser.Parse(path, text, findings);
            return new ParsedFile(path, document, findings);
        }
    }
}
