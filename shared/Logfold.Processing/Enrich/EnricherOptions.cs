namespace Logfold.Processing.Enrich;

/// <summary>One entry of the enrichment chain (an item of <c>Logfold:Enrichment:Enrichers</c>).</summary>
public sealed class EnricherOptions
{
    /// <summary>A unique name: lower-case letters, digits, <c>_</c> and <c>-</c>. Used in tags and metrics.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The enricher type (<c>geoip</c>, <c>asn</c>, <c>ip_class</c>...), one of the registered types.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>False to keep the entry in the file but not run it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Conditions that must hold for the enricher to run.</summary>
    public EnricherConditionOptions When { get; set; } = new();

    /// <summary>The data file, for types that read one (relative paths resolve against the data directory).</summary>
    public string? Path { get; set; }

    /// <summary>More data files, for types that merge several.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>Type-specific settings; each type rejects keys it does not know.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A setting's value (the key compared ignoring case), or null when absent or blank.</summary>
    public string? Setting(string key)
    {
        if (!Settings.TryGetValue(key, out var value))
        {
            // The binder may have replaced the dictionary with one that compares keys exactly.
            foreach (var pair in Settings)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    break;
                }
            }
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
