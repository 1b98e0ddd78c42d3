using System;
using System.IO;

namespace Spine.Build.Verification
{
    /// <summary>Paths the spine's data names, resolved under its root; a path that escapes the root (../, absolute) is refused.</summary>
    internal static class SpinePaths
    {
        public static string? Under(string root, string relative)
        {
            if (Path.IsPathRooted(relative))
            {
                return null;
            }

            var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
            return full.StartsWith(fullRoot, StringComparison.Ordinal) ? full : null;
        }
    }
}
