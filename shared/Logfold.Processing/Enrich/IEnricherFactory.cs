namespace Logfold.Processing.Enrich;

/// <summary>Creates the enricher of one type (<c>geoip</c>, <c>threat_intel</c>...); registered in <see cref="EnricherRegistry"/>.</summary>
public interface IEnricherFactory
{
    /// <summary>The type name used in configuration.</summary>
    string Type { get; }

    /// <summary>
    /// Problems with the entry's type-specific settings (paths given, unknown <c>Settings</c> keys, bad values),
    /// as messages without the entry's name (the caller prefixes it). Does not open files.
    /// </summary>
    IEnumerable<string> Validate(EnricherOptions options);

    /// <summary>
    /// Builds the enricher, loading its data through <see cref="EnricherContext.OpenFile{T}"/> so it reloads.
    /// Throws <see cref="EnrichmentDataException"/> when a data file cannot be loaded (start-up fails clearly).
    /// </summary>
    IEnricher Create(EnricherOptions options, EnricherContext context);
}
