using System.Diagnostics;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich;

/// <summary>
/// Runs the configured enrichers on an event, in order, each only where its condition holds. An enricher that
/// returns <see cref="EnrichOutcome.Error"/> or throws never stops the event: the engine adds the enricher's name
/// to <c>logfold.enrichment.failed</c>, counts it, and goes on. After the chain, <c>logfold.enrichment.enriched</c>
/// tells whether any enricher added fields. Immutable and thread-safe; enrichers swap their data on reload.
/// </summary>
public sealed class EnrichmentEngine : IDisposable
{
    /// <summary><c>logfold.enrichment.failed</c>: the names of the enrichers that failed on this event.</summary>
    public static readonly FieldPath FailedField = FieldPath.Of("logfold.enrichment.failed");

    /// <summary><c>logfold.enrichment.enriched</c>: true when at least one enricher added fields.</summary>
    public static readonly FieldPath EnrichedField = FieldPath.Of("logfold.enrichment.enriched");

    private readonly IEnricher[] _enrichers;
    private readonly EnricherCondition[] _conditions;
    private readonly IEnrichmentMetrics _metrics;
    private readonly EnricherContext? _context;

    internal EnrichmentEngine(IReadOnlyList<(IEnricher Enricher, EnricherCondition Condition)> chain, IEnrichmentMetrics? metrics, EnricherContext? context)
    {
        _enrichers = new IEnricher[chain.Count];
        _conditions = new EnricherCondition[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            _enrichers[i] = chain[i].Enricher;
            _conditions[i] = chain[i].Condition;
        }

        _metrics = metrics ?? NullEnrichmentMetrics.Instance;
        _context = context;
    }

    /// <summary>The enricher names, in chain order.</summary>
    public IReadOnlyList<string> EnricherNames => Array.ConvertAll(_enrichers, e => e.Name);

    /// <summary>Every data file the enrichers read (for an admin reload and status endpoint).</summary>
    public IReadOnlyList<IReloadable> DataFiles => _context?.Files ?? [];

    /// <summary>
    /// Builds the chain from options: validates them (throwing <see cref="System.ComponentModel.DataAnnotations.ValidationException"/>
    /// with every problem), then creates the enabled enrichers, loading their data (a bad file throws
    /// <see cref="EnrichmentDataException"/>). The engine owns <paramref name="context"/> and disposes it.
    /// </summary>
    public static EnrichmentEngine Create(EnrichmentOptions options, EnricherContext context, IEnrichmentMetrics? metrics = null, EnricherRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        registry ??= EnricherRegistry.Default;
        var problems = options.Validate(registry).ToList();
        if (problems.Count > 0)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException(
                "Invalid enrichment configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p.ErrorMessage)));
        }

        var chain = new List<(IEnricher, EnricherCondition)>();
        try
        {
            foreach (var entry in options.Enrichers)
            {
                if (!entry.Enabled)
                {
                    continue;
                }

                registry.TryGet(entry.Type, out var factory);
                IEnricher enricher;
                try
                {
                    enricher = factory!.Create(entry, context);
                }
                catch (EnrichmentDataException ex)
                {
                    throw new EnrichmentDataException($"Enricher '{entry.Name}' ({entry.Type}): {ex.Message}", ex);
                }

                chain.Add((enricher, EnricherCondition.From(entry.When)));
            }
        }
        catch
        {
            context.Dispose();
            throw;
        }

        return new EnrichmentEngine(chain, metrics, context);
    }

    /// <summary>Builds a chain from enrichers created in code (tests, tools); conditions may be null.</summary>
    public static EnrichmentEngine FromEnrichers(IEnumerable<(IEnricher Enricher, EnricherConditionOptions? When)> chain, IEnrichmentMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var compiled = new List<(IEnricher, EnricherCondition)>();
        foreach (var (enricher, when) in chain)
        {
            compiled.Add((enricher, EnricherCondition.From(when)));
        }

        return new EnrichmentEngine(compiled, metrics, null);
    }

    /// <summary>Runs the chain on <paramref name="doc"/>. Never throws for an enricher's failure.</summary>
    public EnrichmentSummary Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int hits = 0, misses = 0, errors = 0, skipped = 0;
        for (var i = 0; i < _enrichers.Length; i++)
        {
            var enricher = _enrichers[i];
            if (!_conditions[i].Matches(doc))
            {
                skipped++;
                _metrics.RecordLookup(enricher.Name, EnrichOutcome.Skipped, 0);
                continue;
            }

            var start = Stopwatch.GetTimestamp();
            EnrichOutcome outcome;
            try
            {
                outcome = enricher.Enrich(doc);
            }
            catch (Exception)
            {
                outcome = EnrichOutcome.Error;
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            switch (outcome)
            {
                case EnrichOutcome.Hit:
                    hits++;
                    break;
                case EnrichOutcome.Miss:
                    misses++;
                    break;
                case EnrichOutcome.Skipped:
                    skipped++;
                    break;
                default:
                    outcome = EnrichOutcome.Error;
                    errors++;
                    doc.Add(FailedField, enricher.Name);
                    break;
            }

            _metrics.RecordLookup(enricher.Name, outcome, elapsed);
        }

        if (_enrichers.Length > 0)
        {
            doc.Set(EnrichedField, hits > 0);
        }

        _metrics.RecordEvent(hits > 0, errors > 0);
        return new EnrichmentSummary(hits, misses, errors, skipped);
    }

    /// <summary>Reloads every data file now (the admin call); returns how many now use new data.</summary>
    public int ReloadAll()
    {
        var reloaded = 0;
        foreach (var file in DataFiles)
        {
            if (file.Reload())
            {
                reloaded++;
            }
        }

        return reloaded;
    }

    /// <inheritdoc />
    public void Dispose() => _context?.Dispose();
}
