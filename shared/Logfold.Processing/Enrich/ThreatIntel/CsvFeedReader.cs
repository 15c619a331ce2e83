using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>Reads an indicator CSV whose header names the columns given in <see cref="ThreatFeedSettings"/>.</summary>
internal static class CsvFeedReader
{
    /// <summary>Adds every row's indicator to <paramref name="builder"/>.</summary>
    public static void Read(string text, ThreatFeedSettings settings, ThreatIntelTableBuilder builder)
    {
        var reader = new CsvReader(text, builder.Path, allowComments: true);
        var row = new List<string>();
        if (!reader.TryReadRow(row, out var headerLine))
        {
            return;
        }

        var header = new CsvHeader(row, builder.Path, headerLine);
        var indicatorColumn = header.IndexOf(settings.IndicatorColumn);
        if (indicatorColumn < 0)
        {
            throw DataFile.Error(builder.Path, headerLine, $"the header has no '{settings.IndicatorColumn}' column (found: {string.Join(", ", header.Names)}).");
        }

        var typeColumn = header.IndexOf(settings.TypeColumn);
        var providerColumn = header.IndexOf(settings.ProviderColumn);
        var confidenceColumn = header.IndexOf(settings.ConfidenceColumn);
        var descriptionColumn = header.IndexOf(settings.DescriptionColumn);
        var firstSeenColumn = header.IndexOf(settings.FirstSeenColumn);
        var nameColumn = header.IndexOf(settings.NameColumn);
        while (reader.TryReadRow(row, out var line))
        {
            var value = CsvHeader.Get(row, indicatorColumn);
            if (value is null)
            {
                throw DataFile.Error(builder.Path, line, $"the '{settings.IndicatorColumn}' column is empty.");
            }

            value = IndicatorText.Refang(value);
            var typeName = CsvHeader.Get(row, typeColumn);
            IndicatorKind kind;
            if (typeName is null)
            {
                if (!IndicatorText.TryInfer(value, out kind))
                {
                    throw DataFile.Error(builder.Path, line, $"cannot tell the type of '{(value.Length > 80 ? value[..80] : value)}'.");
                }
            }
            else if (!IndicatorText.TryKindFromName(typeName, out kind))
            {
                throw DataFile.Error(builder.Path, line, $"unknown indicator type '{typeName}' (use ip, cidr, domain, url, md5, sha1 or sha256).");
            }

            var confidenceText = CsvHeader.Get(row, confidenceColumn);
            var confidence = IndicatorText.Confidence(confidenceText);
            if (confidenceText is not null && confidence is null)
            {
                throw DataFile.Error(builder.Path, line, $"confidence '{confidenceText}' is not None/Low/Medium/High or 0-100.");
            }

            if (!IndicatorText.TryTime(CsvHeader.Get(row, firstSeenColumn), out var firstSeen))
            {
                throw DataFile.Error(builder.Path, line, $"first_seen '{CsvHeader.Get(row, firstSeenColumn)}' is not a date.");
            }

            builder.Add(kind, value, line, new IndicatorDetails(
                Provider: CsvHeader.Get(row, providerColumn),
                Confidence: confidence,
                Description: CsvHeader.Get(row, descriptionColumn),
                Name: CsvHeader.Get(row, nameColumn),
                FirstSeen: firstSeen));
        }
    }
}
