namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>The optional context a feed gives for an indicator.</summary>
internal readonly record struct IndicatorDetails(
    string? Provider = null,
    string? Confidence = null,
    string? Description = null,
    string? Name = null,
    DateTimeOffset? FirstSeen = null,
    DateTimeOffset? ValidUntil = null,
    IReadOnlyList<string>? Labels = null);
