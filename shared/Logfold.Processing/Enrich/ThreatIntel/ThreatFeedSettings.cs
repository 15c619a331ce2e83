namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>How to read one threat-intel feed file.</summary>
public sealed class ThreatFeedSettings
{
    /// <summary>The feed file.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The file format; <see cref="ThreatFeedFormat.Auto"/> decides from the file.</summary>
    public ThreatFeedFormat Format { get; set; } = ThreatFeedFormat.Auto;

    /// <summary>The provider recorded for indicators that do not name one (default: the file name without extension).</summary>
    public string? Provider { get; set; }

    /// <summary>The confidence for indicators that carry none (None, Low, Medium, High or 0-100).</summary>
    public string? DefaultConfidence { get; set; }

    /// <summary>MISP: load only attributes flagged <c>to_ids</c> (the ones meant for detection).</summary>
    public bool MispToIdsOnly { get; set; } = true;

    /// <summary>CSV: the column holding the indicator (required).</summary>
    public string IndicatorColumn { get; set; } = "indicator";

    /// <summary>CSV: the column holding the type (ip, cidr, domain, url, md5, sha1, sha256...); absent or empty means inferred.</summary>
    public string TypeColumn { get; set; } = "type";

    /// <summary>CSV: the provider column.</summary>
    public string ProviderColumn { get; set; } = "provider";

    /// <summary>CSV: the confidence column (None/Low/Medium/High or 0-100).</summary>
    public string ConfidenceColumn { get; set; } = "confidence";

    /// <summary>CSV: the description column.</summary>
    public string DescriptionColumn { get; set; } = "description";

    /// <summary>CSV: the first-seen column (ISO 8601 or Unix seconds).</summary>
    public string FirstSeenColumn { get; set; } = "first_seen";

    /// <summary>CSV: the name column.</summary>
    public string NameColumn { get; set; } = "name";
}
