using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>Reads a plain list: one indicator per line, type inferred, <c>#</c> starts a comment.</summary>
internal static class PlainFeedReader
{
    /// <summary>Adds every line's indicator to <paramref name="builder"/>.</summary>
    public static void Read(string text, ThreatIntelTableBuilder builder)
    {
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan()[range];
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            line = line.Trim().TrimStart('\uFEFF');
            if (line.IsEmpty)
            {
                continue;
            }

            var space = line.IndexOfAny(' ', '\t');
            if (space >= 0)
            {
                line = line[..space];
            }

            var value = IndicatorText.Refang(line.ToString());
            if (!IndicatorText.TryInfer(value, out var kind))
            {
                throw DataFile.Error(builder.Path, lineNumber, $"'{(value.Length > 80 ? value[..80] : value)}' is not an IP, CIDR, domain, URL or MD5/SHA-1/SHA-256 hash.");
            }

            builder.Add(kind, value, lineNumber, default);
        }
    }
}
