using System;
using System.Collections.Generic;
using Spine.Model.Loading;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>What a fix reads: the loaded spine, and each file's current text and tree (parsed on first use).</summary>
    public sealed class FixContext
    {
        private readonly Func<string, string?> _text;
        private readonly Dictionary<string, YamlDocument?> _documents = new Dictionary<string, YamlDocument?>(StringComparer.Ordinal);

        public FixContext(SpineWorkspace workspace, Func<string, string?> text)
        {
            Workspace = workspace;
            _text = text;
        }

        public SpineWorkspace Workspace { get; }

        public string? Text(string path) => _text(path);

        public YamlDocument? Document(string path)
        {
            if (!_documents.TryGetValue(path, out var document))
            {
                var text = _text(path);
                document = text is null ? null : ParsedFile.Parse(path, text).Document;
                _documents[path] = document;
            }

            return document;
        }
    }
}
