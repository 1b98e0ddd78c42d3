using System;
using System.IO;
using System.Text;

namespace Spine.Model.Loading
{
    /// <summary>
    /// A spine file read from disk in one read into an array of its size (not File.ReadAllText's 4 KB reads and growing
    /// builder), and its text decoded as File.ReadAllText decodes it: by its byte order mark, else UTF-8, invalid bytes
    /// as U+FFFD. The loader hashes the bytes for its caches and decodes only what it must parse.
    /// </summary>
    public static class FileContent
    {
        public static byte[] Read(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var length = stream.Length;
            if (length > int.MaxValue)
            {
                throw new IOException($"'{path}' is larger than 2 GB.");
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    Array.Resize(ref bytes, read); // shrank while being read
                    return bytes;
                }

                read += n;
            }

            if (stream.ReadByte() is var more && more < 0)
            {
                return bytes;
            }

            // Grew while being read: take the rest as it comes.
            using var rest = new MemoryStream();
            rest.Write(bytes, 0, bytes.Length);
            rest.WriteByte((byte)more);
            stream.CopyTo(rest);
            return rest.ToArray();
        }

        /// <summary>The file's text: <see cref="Read"/> then <see cref="Text(byte[])"/>.</summary>
        public static string ReadText(string path) => Text(Read(path));

        public static string Text(byte[] bytes)
        {
            var (encoding, bom) = Detect(bytes);
            return encoding.GetString(bytes, bom, bytes.Length - bom);
        }

        /// <summary>The byte order marks StreamReader detects, in its order (UTF-32 LE before UTF-16 LE, whose mark it starts with).</summary>
        private static (Encoding Encoding, int Length) Detect(byte[] b)
        {
            if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            {
                return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
            }

            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
            }

            if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            {
                return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
            }

            if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            {
                return (Encoding.UTF8, 3);
            }

            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            {
                return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
            }

            return (Encoding.UTF8, 0);
        }
    }
}
