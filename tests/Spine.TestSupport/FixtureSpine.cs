using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.TestSupport;

/// <summary>
/// An in-memory copy of a spine (by default the repository's own, which has no findings) that a
/// test edits before loading: the passing fixture is the copy, each failing one is a small edit.
/// </summary>
public sealed class FixtureSpine
{
    private readonly SortedDictionary<string, string> _files;

    private FixtureSpine(IEnumerable<SpineFile> files) =>
        _files = new SortedDictionary<string, string>(files.ToDictionary(f => f.Path, f => f.Text), StringComparer.Ordinal);

    public static FixtureSpine Own() => new(SpineDirectory.Read(Paths.RepoRoot));

    public static FixtureSpine Corpus() => new(SpineDirectory.Read(Paths.Corpus));

    public static FixtureSpine Corpus25() => new(SpineDirectory.Read(Paths.Corpus25));

    public static FixtureSpine FromDirectory(string root) => new(SpineDirectory.Read(root));

    /// <summary>An independent copy to edit.</summary>
    public FixtureSpine Copy() => new(ToFiles());

    public IReadOnlyDictionary<string, string> Files => _files;

    public string Text(string path) => _files[path];

    public FixtureSpine Set(string path, string text)
    {
        _files[path] = text;
        return this;
    }

    public FixtureSpine Remove(string path)
    {
        _files.Remove(path);
        return this;
    }

    /// <summary>Replaces the one occurrence of <paramref name="find"/>; fails loudly when the fixture drifted.</summary>
    public FixtureSpine Replace(string path, string find, string replacement)
    {
        var text = _files[path];
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{find}' must occur exactly once in {path}.");
        }

        _files[path] = text.Substring(0, at) + replacement + text.Substring(at + find.Length);
        return this;
    }

    /// <summary>The 1-based line and column where <paramref name="token"/> first occurs after <paramref name="after"/>.</summary>
    public (int Line, int Column) Position(string path, string token, string? after = null)
    {
        var text = _files[path];
        var start = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"'{after}' not in {path}.");
        }

        var at = text.IndexOf(token, start, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{token}' not in {path}.");
        }

        return TextPosition.At(text, at);
    }

    public IEnumerable<SpineFile> ToFiles() => _files.Select(kv => new SpineFile(kv.Key, kv.Value));

    public SpineWorkspace Load() => SpineLoader.Load("/fixture", ToFiles());

    public IReadOnlyList<Finding> Check() => RuleEngine.Check(Load());
}
