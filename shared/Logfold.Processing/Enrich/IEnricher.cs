using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich;

/// <summary>
/// One named enrichment source (GeoIP, threat intel, assets...). Stateless per event and thread-safe; the
/// data it looks up is swapped atomically on reload. Never throws for an event's content: a lookup that fails
/// returns <see cref="EnrichOutcome.Error"/>, and the engine tags the event and lets it through.
/// </summary>
public interface IEnricher
{
    /// <summary>The enricher's configured name (a bounded set: used as a metric tag).</summary>
    string Name { get; }

    /// <summary>Adds what this source knows about <paramref name="doc"/>.</summary>
    EnrichOutcome Enrich(EcsDocument doc);
}
