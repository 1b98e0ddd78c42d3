namespace Spine.Model.Loading
{
    /// <summary>A file's identity for caches: its length and a 64-bit hash of its content (not a security hash).</summary>
    public static class ContentHash
    {
        /// <summary>Of a text (what the analyzer has): four characters per step, mixed as <see cref="Of(byte[])"/> mixes eight bytes.</summary>
        public static string Of(string text)
        {
            unchecked
            {
                var hash = 14695981039346656037UL;
                var i = 0;
                for (; i + 4 <= text.Length; i += 4)
                {
                    hash = Step(hash, text[i] | ((ulong)text[i + 1] << 16) | ((ulong)text[i + 2] << 32) | ((ulong)text[i + 3] << 48));
                }

                for (; i < text.Length; i++)
                {
                    hash = (hash ^ text[i]) * 1099511628211UL;
                }

                return Format(text.Length, Avalanche(hash));
            }
        }

        /// <summary>
        /// Of a file's bytes (what the loader reads): eight bytes per step, each step multiplied and folded so that every
        /// input bit reaches every output bit (a plain word-wise FNV would let high bits reach only high bits), then the
        /// tail byte by byte and a final avalanche (MurmurHash3's).
        /// </summary>
        public static string Of(byte[] bytes) => "b" + Format(bytes.Length, Of(bytes, 0, bytes.Length));

        /// <summary>The same 64-bit hash of <paramref name="length"/> bytes from <paramref name="offset"/> (the syntax cache's entry checksum).</summary>
        public static ulong Of(byte[] bytes, int offset, int length)
        {
            unchecked
            {
                var hash = 14695981039346656037UL;
                var i = offset;
                var end = offset + length;
                for (; i + 8 <= end; i += 8)
                {
                    hash = Step(hash, System.BitConverter.ToUInt64(bytes, i));
                }

                for (; i < end; i++)
                {
                    hash = (hash ^ bytes[i]) * 1099511628211UL;
                }

                return Avalanche(hash);
            }
        }

        /// <summary>One word in: multiplied (low bits reach high ones) and folded (high bits reach low ones).</summary>
        private static ulong Step(ulong hash, ulong word)
        {
            unchecked
            {
                hash = (hash ^ word) * 0x9E3779B97F4A7C15UL;
                return hash ^ (hash >> 29);
            }
        }

        /// <summary>MurmurHash3's finaliser: every bit of the state reaches every bit of the result.</summary>
        private static ulong Avalanche(ulong hash)
        {
            unchecked
            {
                hash ^= hash >> 33;
                hash *= 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 33;
                hash *= 0xC4CEB9FE1A85EC53UL;
                return hash ^ (hash >> 33);
            }
        }

        private static string Format(int length, ulong hash) =>
            length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
