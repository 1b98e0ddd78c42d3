using System.Linq;

namespace Spine.TestSupport;

/// <summary>1-based line and column of a character offset, as the loader reports positions.</summary>
public static class TextPosition
{
    public static (int Line, int Column) At(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return (1 + text.Take(offset).Count(c => c == '\n'), offset - lineStart + 1);
    }
}
