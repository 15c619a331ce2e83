using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// The indicators of one feed, indexed for matching: IPs and CIDR blocks in a prefix table, domains by name
/// (a lookup walks the event's domain up through its parents, so an indicator matches its subdomains), URLs by
/// normal form, and hashes case-insensitively. Immutable; a reload builds a new table.
/// </summary>
internal sealed class ThreatIntelTable
{
    private readonly IpPrefixTable<ThreatIndicator> _ips;
    private readonly Dictionary<string, ThreatIndicator>.AlternateLookup<ReadOnlySpan<char>> _domains;
    private readonly Dictionary<string, ThreatIndicator>.AlternateLookup<ReadOnlySpan<char>> _urls;
    private readonly Dictionary<string, ThreatIndicator>.AlternateLookup<ReadOnlySpan<char>> _hashes;

    internal ThreatIntelTable(
        string source,
        IpPrefixTable<ThreatIndicator> ips,
        Dictionary<string, ThreatIndicator> domains,
        Dictionary<string, ThreatIndicator> urls,
        Dictionary<string, ThreatIndicator> hashes,
        int skipped)
    {
        Source = source;
        _ips = ips;
        _domains = domains.GetAlternateLookup<ReadOnlySpan<char>>();
        _urls = urls.GetAlternateLookup<ReadOnlySpan<char>>();
        _hashes = hashes.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = ips.Count + domains.Count + urls.Count + hashes.Count;
        Skipped = skipped;
    }

    /// <summary>The file the table came from.</summary>
    public string Source { get; }

    /// <summary>How many distinct indicators the table holds.</summary>
    public int Count { get; }

    /// <summary>Entries left out on purpose: unsupported types or patterns, revoked, not <c>to_ids</c>.</summary>
    public int Skipped { get; }

    /// <summary>Loads a feed, deciding the format from the file.</summary>
    /// <exception cref="EnrichmentDataException">The file is missing, too big or broken (the message names file and line).</exception>
    public static ThreatIntelTable Load(string path) => Load(new ThreatFeedSettings { Path = path });

    /// <summary>Loads a feed as <paramref name="settings"/> describe.</summary>
    /// <exception cref="EnrichmentDataException">The file is missing, too big or broken (the message names file and line).</exception>
    public static ThreatIntelTable Load(ThreatFeedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.Path;
        var text = DataFile.ReadText(path);
        var defaultConfidence = settings.DefaultConfidence is null ? null : IndicatorText.Confidence(settings.DefaultConfidence)
            ?? throw new EnrichmentDataException($"{path}: the default confidence '{settings.DefaultConfidence}' is not None/Low/Medium/High or 0-100.");
        var builder = new ThreatIntelTableBuilder(path, settings.Provider ?? System.IO.Path.GetFileNameWithoutExtension(path))
        {
            DefaultConfidence = defaultConfidence,
        };
        var format = settings.Format == ThreatFeedFormat.Auto ? DetectFormat(path, text) : settings.Format;
        switch (format)
        {
            case ThreatFeedFormat.Plain:
                PlainFeedReader.Read(text, builder);
                break;
            case ThreatFeedFormat.Csv:
                CsvFeedReader.Read(text, settings, builder);
                break;
            case ThreatFeedFormat.Misp:
                MispFeedReader.Read(text, settings.MispToIdsOnly, builder);
                break;
            default:
                StixFeedReader.Read(text, builder);
                break;
        }

        return builder.Build();
    }

    /// <summary>The most specific IP or CIDR indicator containing <paramref name="address"/>.</summary>
    public bool TryMatchIp(IpKey address, out ThreatIndicator indicator) => _ips.TryGet(address, out indicator, out _);

    /// <summary>An indicator for the domain or any parent domain of two or more labels.</summary>
    public bool TryMatchDomain(ReadOnlySpan<char> domain, out ThreatIndicator indicator)
    {
        domain = domain.Trim().TrimEnd('.');
        while (domain.IndexOf('.') > 0)
        {
            if (_domains.TryGetValue(domain, out indicator!))
            {
                return true;
            }

            domain = domain[(domain.IndexOf('.') + 1)..];
        }

        indicator = null!;
        return false;
    }

    /// <summary>An indicator for the URL, compared in normal form.</summary>
    public bool TryMatchUrl(ReadOnlySpan<char> url, out ThreatIndicator indicator)
    {
        indicator = null!;
        if (url.Length > IndicatorText.MaxUrlLength || _urls.Dictionary.Count == 0)
        {
            return false;
        }

        Span<char> buffer = url.Length <= 512 ? stackalloc char[url.Length + 1] : new char[url.Length + 1];
        var length = IndicatorText.NormalizeUrl(url, buffer);
        return length > 0 && _urls.TryGetValue(buffer[..length], out indicator!);
    }

    /// <summary>An indicator for the hash (any case).</summary>
    public bool TryMatchHash(ReadOnlySpan<char> hash, out ThreatIndicator indicator) => _hashes.TryGetValue(hash.Trim(), out indicator!);

    private static ThreatFeedFormat DetectFormat(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.AsSpan().TrimStart().StartsWith("{") || text.AsSpan().TrimStart().StartsWith("["))
        {
            return ThreatFeedFormat.Stix;
        }

        var first = FirstContentLine(text);
        if (first.StartsWith("uuid,event_id,category,type,value", StringComparison.OrdinalIgnoreCase) ||
            first.StartsWith("\"uuid\",\"event_id\",\"category\",\"type\",\"value\"", StringComparison.OrdinalIgnoreCase))
        {
            return ThreatFeedFormat.Misp;
        }

        return first.Contains(',', StringComparison.Ordinal) && first.Contains("indicator", StringComparison.OrdinalIgnoreCase)
            ? ThreatFeedFormat.Csv
            : ThreatFeedFormat.Plain;
    }

    private static string FirstContentLine(string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].Trim().TrimStart('\uFEFF');
            if (!line.IsEmpty && line[0] != '#')
            {
                return line.ToString();
            }
        }

        return string.Empty;
    }
}
