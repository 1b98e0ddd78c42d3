namespace Spine.Model.Loading
{
    /// <summary>A file's identity for caches: its length and a 64-bit FNV-1a hash of its text (not a security hash).</summary>
    public static class ContentHash
    {
        public static string Of(string text)
        {
            unchecked
            {
                var hash = 14695981039346656037UL;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                return text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
