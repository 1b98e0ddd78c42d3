using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;

namespace Spine.Runtime.Tests;

/// <summary>
/// Headless Chromium (Debian's chromium package; test.sh installs it) to render the report as a browser would:
/// its DOM after parsing, and a screenshot whose pixels are counted (a small PNG decoder: 8-bit RGB/RGBA, the format
/// Chromium writes).
/// </summary>
internal static class Chromium
{
    private static string Binary =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" } is var candidates && Array.Find(candidates, File.Exists) is { } found
            ? found
            : throw new InvalidOperationException("chromium is required for the report test (./test.sh installs Debian's chromium package).");

    public static string DumpDom(string html) => Run("--dump-dom", new Uri(html).AbsoluteUri);

    public static byte[] Screenshot(string html, string png)
    {
        Run($"--screenshot={png}", "--window-size=1280,900", new Uri(html).AbsoluteUri);
        return File.ReadAllBytes(png);
    }

    /// <summary>How many different colours the image has (a blank page has one).</summary>
    public static int DistinctColors(byte[] png)
    {
        var width = ReadInt(png, 16);
        var height = ReadInt(png, 20);
        var channels = png[25] switch { 2 => 3, 6 => 4, var t => throw new NotSupportedException($"PNG colour type {t}") };
        if (png[24] != 8 || png[28] != 0)
        {
            throw new NotSupportedException("only 8-bit, non-interlaced PNG");
        }

        var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = ReadInt(png, at);
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IDAT")
            {
                data.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflated = new ZLibStream(data, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflated.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var colours = new HashSet<int>();
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1);
            var filter = bytes[row];
            for (var x = 0; x < stride; x++)
            {
                var a = x >= channels ? current[x - channels] : 0;
                var b = previous[x];
                var c = x >= channels ? previous[x - channels] : 0;
                var value = bytes[row + 1 + x];
                current[x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) >> 1),
                    4 => value + Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < stride; x += channels)
            {
                colours.Add(current[x] << 16 | current[x + 1] << 8 | current[x + 2]);
            }

            (previous, current) = (current, previous);
        }

        return colours.Count;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int ReadInt(byte[] b, int at) => b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];

    private static string Run(params string[] args)
    {
        var profile = Path.Combine(Path.GetTempPath(), "spine-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}" })
        {
            info.ArgumentList.Add(a);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 60 s");
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }

        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"chromium exited {p.ExitCode}: {error.Result}");
    }
}
