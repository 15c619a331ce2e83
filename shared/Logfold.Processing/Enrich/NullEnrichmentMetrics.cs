namespace Logfold.Processing.Enrich;

/// <summary>Metrics that go nowhere (tools and tests that do not look at them).</summary>
public sealed class NullEnrichmentMetrics : IEnrichmentMetrics
{
    /// <summary>The shared instance.</summary>
    public static NullEnrichmentMetrics Instance { get; } = new();

    private NullEnrichmentMetrics()
    {
    }

    /// <inheritdoc />
    public void RecordLookup(string enricher, EnrichOutcome outcome, long elapsedTicks)
    {
    }

    /// <inheritdoc />
    public void RecordEvent(bool enriched, bool failed)
    {
    }
}
