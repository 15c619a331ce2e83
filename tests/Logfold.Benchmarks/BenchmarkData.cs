using System.Text;
using Logfold.Testing;

namespace Logfold.Benchmarks;

/// <summary>Benchmark inputs: the golden test events of each source, as UTF-8 byte arrays.</summary>
internal static class BenchmarkData
{
    public static byte[][] ForSource(string source)
    {
        var dir = Path.Combine(RepoPaths.TestData, source);
        var lines = new List<byte[]>();
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal))
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (line.Length > 0)
                    {
                        lines.Add(Encoding.UTF8.GetBytes(line));
                    }
                }
            }
        }

        if (lines.Count == 0)
        {
            throw new InvalidOperationException($"No golden events for {source} under {dir}.");
        }

        return [.. lines];
    }
}
