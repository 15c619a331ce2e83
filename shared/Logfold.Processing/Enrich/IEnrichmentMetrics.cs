namespace Logfold.Processing.Enrich;

/// <summary>Where the engine reports its counts; the host backs it with its <c>Meter</c>. Must be thread-safe.</summary>
public interface IEnrichmentMetrics
{
    /// <summary>One enricher ran (or was skipped by its condition) on one event.</summary>
    /// <param name="enricher">The enricher's configured name.</param>
    /// <param name="outcome">What it did.</param>
    /// <param name="elapsedTicks">Its run time in <see cref="System.Diagnostics.Stopwatch"/> ticks (0 when skipped).</param>
    void RecordLookup(string enricher, EnrichOutcome outcome, long elapsedTicks);

    /// <summary>One event went through the chain.</summary>
    /// <param name="enriched">At least one enricher added fields.</param>
    /// <param name="failed">At least one enricher failed.</param>
    void RecordEvent(bool enriched, bool failed);
}
