namespace Logfold.Processing.Enrich;

/// <summary>What one enricher did to one event.</summary>
public enum EnrichOutcome
{
    /// <summary>The enricher did not apply to this event (its condition or the fields it needs were absent).</summary>
    Skipped,

    /// <summary>At least one field was added.</summary>
    Hit,

    /// <summary>The enricher looked, and found nothing.</summary>
    Miss,

    /// <summary>The lookup failed; the event goes on without this enrichment.</summary>
    Error,
}
