using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Spine.Build.Verification
{
    /// <summary>Whether a file may be executed by the current user (POSIX access(2); on Windows: whether it exists).</summary>
    internal static class Executable
    {
        private const int XOk = 1;

        public static bool Check(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return true;
            }

            try
            {
                return access(path, XOk) == 0;
            }
            catch (DllNotFoundException)
            {
                return true;
            }
            catch (EntryPointNotFoundException)
            {
                return true;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int access(string pathname, int mode);
    }
}
