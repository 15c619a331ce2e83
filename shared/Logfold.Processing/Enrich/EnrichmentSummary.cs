namespace Logfold.Processing.Enrich;

/// <summary>What the chain did to one event.</summary>
/// <param name="Hits">Enrichers that added fields.</param>
/// <param name="Misses">Enrichers that looked and found nothing.</param>
/// <param name="Errors">Enrichers that failed (the event is tagged, and goes on).</param>
/// <param name="Skipped">Enrichers whose condition did not hold or whose input fields were absent.</param>
public readonly record struct EnrichmentSummary(int Hits, int Misses, int Errors, int Skipped)
{
    /// <summary>At least one enricher added fields.</summary>
    public bool Enriched => Hits > 0;
}
