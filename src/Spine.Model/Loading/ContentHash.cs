namespace Spine.Model.Loading
{
    /// <summary>A file's identity for caches: its length and a 64-bit hash of its content (not a security hash).</summary>
    public static class ContentHash
    {
        /// <summary>Of a text (what the analyzer has): FNV-1a over its characters.</summary>
        public static string Of(string text)
        {
            unchecked
            {
                var hash = 14695981039346656037UL;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                return Format(text.Length, hash);
            }
        }

        /// <summary>
        /// Of a file's bytes (what the loader reads): eight bytes per step, each step multiplied and folded so that every
        /// input bit reaches every output bit (a plain word-wise FNV would let high bits reach only high bits), then the
        /// tail byte by byte and a final avalanche (MurmurHash3's).
        /// </summary>
        public static string Of(byte[] bytes)
        {
            unchecked
            {
                var hash = 14695981039346656037UL;
                var i = 0;
                for (; i + 8 <= bytes.Length; i += 8)
                {
                    hash = (hash ^ System.BitConverter.ToUInt64(bytes, i)) * 0x9E3779B97F4A7C15UL;
                    hash ^= hash >> 29;
                }

                for (; i < bytes.Length; i++)
                {
                    hash = (hash ^ bytes[i]) * 1099511628211UL;
                }

                hash ^= hash >> 33;
                hash *= 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 33;
                hash *= 0xC4CEB9FE1A85EC53UL;
                hash ^= hash >> 33;
                return "b" + Format(bytes.Length, hash);
            }
        }

        private static string Format(int length, ulong hash) =>
            length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
