namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>One indicator of compromise, as loaded from a feed. Immutable.</summary>
internal sealed class ThreatIndicator
{
    /// <summary>The indicator kind.</summary>
    public required IndicatorKind Kind { get; init; }

    /// <summary>The normalized indicator (an address or CIDR, a lower-case domain or hash, a normalized URL).</summary>
    public required string Value { get; init; }

    /// <summary>Who published it (<c>threat.indicator.provider</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>STIX 2.1 Appendix A scale: None, Low, Medium or High.</summary>
    public string? Confidence { get; init; }

    /// <summary>Free text (<c>threat.indicator.description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>A display name (STIX <c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>When the indicator was first seen or became valid.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>When the indicator stops being valid (STIX <c>valid_until</c>); expired indicators never match.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Feed labels (STIX <c>labels</c>, MISP category).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The ECS <c>threat.indicator.type</c> value.</summary>
    public string EcsType(bool ipv6) => Kind switch
    {
        IndicatorKind.Ip => ipv6 ? "ipv6-addr" : "ipv4-addr",
        IndicatorKind.Domain => "domain-name",
        IndicatorKind.Url => "url",
        _ => "file",
    };
}
