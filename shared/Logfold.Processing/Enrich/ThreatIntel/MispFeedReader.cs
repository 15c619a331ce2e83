using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Reads a MISP attribute CSV export (<c>uuid,event_id,category,type,value,comment,to_ids,date,...</c>).
/// Supported attribute types: ip-src, ip-dst (and their <c>|port</c> forms), domain, hostname, domain|ip, url,
/// md5, sha1, sha256 and their <c>filename|</c> forms. Other types are skipped and counted.
/// </summary>
internal static class MispFeedReader
{
    /// <summary>Adds every supported attribute to <paramref name="builder"/>.</summary>
    public static void Read(string text, bool toIdsOnly, ThreatIntelTableBuilder builder)
    {
        var reader = new CsvReader(text, builder.Path, allowComments: false);
        var row = new List<string>();
        if (!reader.TryReadRow(row, out var headerLine))
        {
            return;
        }

        var header = new CsvHeader(row, builder.Path, headerLine);
        var typeColumn = header.IndexOf("type");
        var valueColumn = header.IndexOf("value");
        if (typeColumn < 0 || valueColumn < 0)
        {
            throw DataFile.Error(builder.Path, headerLine, "a MISP CSV export needs 'type' and 'value' columns.");
        }

        var commentColumn = header.IndexOf("comment");
        var categoryColumn = header.IndexOf("category");
        var toIdsColumn = header.IndexOf("to_ids");
        var dateColumn = header.IndexOf("date");
        var eventColumn = header.IndexOf("event_id");
        while (reader.TryReadRow(row, out var line))
        {
            var type = CsvHeader.Get(row, typeColumn);
            var value = CsvHeader.Get(row, valueColumn);
            if (type is null || value is null)
            {
                throw DataFile.Error(builder.Path, line, "the 'type' or 'value' column is empty.");
            }

            var toIds = CsvHeader.Get(row, toIdsColumn);
            if (toIdsOnly && toIds is not null && !(toIds == "1" || toIds.Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                builder.Skip();
                continue;
            }

            if (!IndicatorText.TryTime(CsvHeader.Get(row, dateColumn), out var date))
            {
                throw DataFile.Error(builder.Path, line, $"date '{CsvHeader.Get(row, dateColumn)}' is not a date or Unix time.");
            }

            var category = CsvHeader.Get(row, categoryColumn);
            var eventId = CsvHeader.Get(row, eventColumn);
            var details = new IndicatorDetails(
                Description: CsvHeader.Get(row, commentColumn) ?? category,
                Name: eventId is null ? null : "MISP event " + eventId,
                FirstSeen: date,
                Labels: category is null ? null : [category]);
            switch (type.ToLowerInvariant())
            {
                case "domain|ip":
                    var bar = value.IndexOf('|', StringComparison.Ordinal);
                    if (bar <= 0)
                    {
                        throw DataFile.Error(builder.Path, line, $"a domain|ip value needs both parts: '{value}'.");
                    }

                    builder.Add(IndicatorKind.Domain, value[..bar], line, details);
                    builder.Add(IndicatorKind.Ip, value[(bar + 1)..], line, details);
                    break;
                case "ip-src|port" or "ip-dst|port":
                    builder.Add(IndicatorKind.Ip, Before(value, '|'), line, details);
                    break;
                case "filename|md5" or "filename|sha1" or "filename|sha256":
                    _ = IndicatorText.TryKindFromName(type, out var hashKind);
                    builder.Add(hashKind, After(value, '|'), line, details);
                    break;
                case "ip-src" or "ip-dst" or "domain" or "hostname" or "url" or "md5" or "sha1" or "sha256":
                    _ = IndicatorText.TryKindFromName(type, out var kind);
                    builder.Add(kind, value, line, details);
                    break;
                default:
                    builder.Skip();
                    break;
            }
        }
    }

    private static string Before(string value, char separator)
    {
        var i = value.IndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? value : value[..i];
    }

    private static string After(string value, char separator)
    {
        var i = value.IndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? value : value[(i + 1)..];
    }
}
