using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Spine.Model.Loading;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>The loader's one read per file decodes as File.ReadAllText does, and its content hash tells apart every one-bit change.</summary>
public sealed class FileContentTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "spine-file-content-" + Guid.NewGuid().ToString("N") + ".yaml");

    public void Dispose() => File.Delete(_file);

    public static IEnumerable<object[]> Encodings() => new[]
    {
        new object[] { "utf-8 without a mark", Array.Empty<byte>(), Encoding.UTF8 },
        new object[] { "utf-8 with its mark", new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8 },
        new object[] { "utf-16 le", new byte[] { 0xFF, 0xFE }, new UnicodeEncoding(false, false) },
        new object[] { "utf-16 be", new byte[] { 0xFE, 0xFF }, new UnicodeEncoding(true, false) },
        new object[] { "utf-32 le", new byte[] { 0xFF, 0xFE, 0, 0 }, new UTF32Encoding(false, false) },
        new object[] { "utf-32 be", new byte[] { 0, 0, 0xFE, 0xFF }, new UTF32Encoding(true, false) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_is_what_File_ReadAllText_gives(string name, byte[] mark, Encoding encoding)
    {
        var body = encoding.GetBytes("name: héllo ✓ 🚀\nlist: [a, b]\n" + new string('x', 70_000));
        File.WriteAllBytes(_file, mark.Concat(body).ToArray());
        var bytes = FileContent.Read(_file);
        Assert.Equal(File.ReadAllBytes(_file), bytes);
        Assert.True(File.ReadAllText(_file) == FileContent.Text(bytes), name);
    }

    [Fact]
    public void Invalid_utf8_and_empty_files_decode_as_File_ReadAllText_does()
    {
        foreach (var content in new[] { Array.Empty<byte>(), new byte[] { 0x61, 0xC3, 0x28, 0xFF, 0x0A }, new byte[] { 0xEF, 0xBB }, new byte[] { 0xFF } })
        {
            File.WriteAllBytes(_file, content);
            Assert.Equal(File.ReadAllText(_file), FileContent.Text(FileContent.Read(_file)));
        }
    }

    [Fact]
    public void The_content_hash_differs_for_every_one_bit_change_of_bytes_or_text_and_every_length()
    {
        var data = Encoding.UTF8.GetBytes("capabilities:\n  gate.run:\n    description: runs a gate\n");
        var seen = new HashSet<string> { ContentHash.Of(data) };
        for (var bit = 0; bit < data.Length * 8; bit++)
        {
            var copy = (byte[])data.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.True(seen.Add(ContentHash.Of(copy)), $"bit {bit}");
        }

        // The text form too: every one-bit change of every character.
        var text = Encoding.UTF8.GetString(data) + "é✓";
        var texts = new HashSet<string> { ContentHash.Of(text) };
        for (var at = 0; at < text.Length; at++)
        {
            for (var bit = 0; bit < 16; bit++)
            {
                var changed = text.Substring(0, at) + (char)(text[at] ^ (1 << bit)) + text.Substring(at + 1);
                Assert.True(texts.Add(ContentHash.Of(changed)), $"char {at} bit {bit}");
            }
        }

        for (var length = 0; length < data.Length; length++)
        {
            Assert.True(seen.Add(ContentHash.Of(data.Take(length).ToArray())), $"length {length}");
        }
    }
}
