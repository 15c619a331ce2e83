using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Logfold.Processing.Enrich;

/// <summary>
/// <see cref="IEnrichmentMetrics"/> on a <see cref="Meter"/> the host owns (<c>Logfold.Enricher</c>):
/// <list type="bullet">
/// <item><c>logfold.enrichment.lookups{enricher,outcome}</c>: hits, misses, errors and skips per enricher;</item>
/// <item><c>logfold.enrichment.duration{enricher}</c> (s): time per enricher call (skips are not timed);</item>
/// <item><c>logfold.enrichment.events{enriched,failed}</c>: events through the chain; the share with
/// <c>enriched=true</c> is the coverage.</item>
/// </list>
/// Tag values are bounded: enricher names come from configuration and outcomes from an enum.
/// </summary>
public sealed class EnrichmentMeterMetrics : IEnrichmentMetrics
{
    private static readonly string[] OutcomeNames = ["skipped", "hit", "miss", "error"];
    private readonly Counter<long> _lookups;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _events;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public EnrichmentMeterMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _lookups = meter.CreateCounter<long>("logfold.enrichment.lookups", "{lookup}", "Enricher calls by enricher and outcome (hit, miss, error, skipped).");
        _duration = meter.CreateHistogram<double>("logfold.enrichment.duration", "s", "Time one enricher spent on one event.");
        _events = meter.CreateCounter<long>("logfold.enrichment.events", "{event}", "Events through the enrichment chain, by whether any enricher added fields and whether any failed.");
    }

    /// <inheritdoc />
    public void RecordLookup(string enricher, EnrichOutcome outcome, long elapsedTicks)
    {
        var name = new KeyValuePair<string, object?>("enricher", enricher);
        _lookups.Add(1, name, new KeyValuePair<string, object?>("outcome", OutcomeNames[(int)outcome]));
        if (outcome != EnrichOutcome.Skipped)
        {
            _duration.Record((double)elapsedTicks / Stopwatch.Frequency, name);
        }
    }

    /// <inheritdoc />
    public void RecordEvent(bool enriched, bool failed) =>
        _events.Add(1, new KeyValuePair<string, object?>("enriched", enriched ? "true" : "false"), new KeyValuePair<string, object?>("failed", failed ? "true" : "false"));
}
