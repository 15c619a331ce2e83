using System.Text.Json;
using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.CloudRanges;

/// <summary>
/// Reads provider range files into a longest-prefix table: the AWS <c>ip-ranges.json</c> format (<c>prefixes</c>
/// with <c>ip_prefix</c>, <c>ipv6_prefixes</c> with <c>ipv6_prefix</c>, each with <c>region</c> and <c>service</c>)
/// and a CSV of <c>cidr,provider,region,service</c> (optional header, <c>#</c> comments) for everyone else.
/// </summary>
internal static class CloudRangeLoader
{
    /// <summary>The largest file accepted (the AWS file is about 2 MB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Loads a <c>.json</c> (AWS format) or any other file as CSV.</summary>
    public static IpRangeTable<CloudRange> Load(string path, string jsonProvider)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
        {
            throw new EnrichmentDataException($"{path}: {info.Length} bytes is over the {MaxFileBytes}-byte limit for a ranges file.");
        }

        var builder = new IpRangeTableBuilder<CloudRange>();
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            LoadAwsJson(path, jsonProvider, builder);
        }
        else
        {
            LoadCsv(path, builder);
        }

        if (builder.Count == 0)
        {
            throw new EnrichmentDataException($"{path}: no ranges found.");
        }

        // AWS lists many blocks twice: once as the catch-all AMAZON service and once as the specific one. Keep the specific.
        return builder.Build(static (kept, later) => string.Equals(kept.Service, "AMAZON", StringComparison.Ordinal) ? later : kept);
    }

    private static void LoadAwsJson(string path, string provider, IpRangeTableBuilder<CloudRange> builder)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new EnrichmentDataException($"{path}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                (!root.TryGetProperty("prefixes", out _) && !root.TryGetProperty("ipv6_prefixes", out _)))
            {
                throw new EnrichmentDataException($"{path}: not an AWS ip-ranges file (no 'prefixes' or 'ipv6_prefixes' array).");
            }

            var regions = new Dictionary<string, string>(StringComparer.Ordinal);
            Read(root, "prefixes", "ip_prefix");
            Read(root, "ipv6_prefixes", "ipv6_prefix");

            void Read(JsonElement r, string array, string key)
            {
                if (!r.TryGetProperty(array, out var items))
                {
                    return;
                }

                if (items.ValueKind != JsonValueKind.Array)
                {
                    throw new EnrichmentDataException($"{path}: '{array}' is not an array.");
                }

                var index = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var cidr = item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                    if (cidr is null)
                    {
                        throw new EnrichmentDataException($"{path}: {array}[{index}] has no '{key}'.");
                    }

                    var region = Intern(regions, String(item, "region"));
                    var service = Intern(regions, String(item, "service"));
                    if (!builder.TryAdd(cidr, new CloudRange(provider, region, service)))
                    {
                        throw new EnrichmentDataException($"{path}: {array}[{index}]: '{cidr}' is not a CIDR.");
                    }

                    index++;
                }
            }
        }
    }

    private static void LoadCsv(string path, IpRangeTableBuilder<CloudRange> builder)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new CsvReader(DataFile.ReadText(path), path, allowComments: true);
        var cols = new List<string>();
        var first = true;
        while (reader.TryReadRow(cols, out var lineNumber))
        {
            if (first && string.Equals(cols[0], "cidr", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            if (cols.Count is < 2 or > 4 || cols[1].Length == 0)
            {
                throw new EnrichmentDataException($"{path}: line {lineNumber}: expected cidr,provider[,region[,service]].");
            }

            var range = new CloudRange(
                Intern(strings, cols[1].ToLowerInvariant())!,
                cols.Count > 2 ? Intern(strings, cols[2]) : null,
                cols.Count > 3 ? Intern(strings, cols[3]) : null);
            if (!builder.TryAdd(cols[0], range))
            {
                throw new EnrichmentDataException($"{path}: line {lineNumber}: '{cols[0]}' is not a CIDR.");
            }
        }
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Intern(Dictionary<string, string> pool, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool[value] = value;
        return value;
    }
}
