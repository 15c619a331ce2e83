using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>Collects a feed's indicators, normalizing and validating each; errors name the file and line.</summary>
internal sealed class ThreatIntelTableBuilder
{
    private readonly IpPrefixTable<ThreatIndicator>.Builder _ips = new();
    private readonly Dictionary<string, ThreatIndicator> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ThreatIndicator> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ThreatIndicator> _hashes = new(StringComparer.OrdinalIgnoreCase);
    private int _skipped;

    /// <summary>Starts a table for the file at <paramref name="path"/>.</summary>
    public ThreatIntelTableBuilder(string path, string? provider)
    {
        Path = path;
        Provider = provider;
    }

    /// <summary>The file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The provider used when an entry names none.</summary>
    public string? Provider { get; }

    /// <summary>The confidence used when an entry carries none.</summary>
    public string? DefaultConfidence { get; init; }

    /// <summary>Counts an entry left out on purpose.</summary>
    public void Skip() => _skipped++;

    /// <summary>Adds an indicator; a second entry for the same value is ignored (the first one wins).</summary>
    /// <exception cref="EnrichmentDataException">The value is not valid for its kind.</exception>
    public void Add(IndicatorKind kind, string rawValue, int line, IndicatorDetails details)
    {
        var value = IndicatorText.Normalize(kind, IndicatorText.Refang(rawValue.Trim()), out var error)
            ?? throw DataFile.Error(Path, line, error!);
        var indicator = new ThreatIndicator
        {
            Kind = kind,
            Value = value,
            Provider = details.Provider ?? Provider,
            Confidence = details.Confidence ?? DefaultConfidence,
            Description = details.Description,
            Name = details.Name,
            FirstSeen = details.FirstSeen,
            ValidUntil = details.ValidUntil,
            Labels = details.Labels ?? [],
        };
        switch (kind)
        {
            case IndicatorKind.Ip:
                _ = IpPrefixTable<ThreatIndicator>.TryParsePrefix(value, out var network, out var length);
                _ips.TryAdd(network, length, indicator, out _);
                break;
            case IndicatorKind.Domain:
                _domains.TryAdd(value, indicator);
                break;
            case IndicatorKind.Url:
                _urls.TryAdd(value, indicator);
                break;
            default:
                _hashes.TryAdd(value, indicator);
                break;
        }
    }

    /// <summary>Freezes the table.</summary>
    public ThreatIntelTable Build() => new(Path, _ips.Build(), _domains, _urls, _hashes, _skipped);
}
