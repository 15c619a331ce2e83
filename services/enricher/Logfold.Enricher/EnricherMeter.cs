using System.Diagnostics.Metrics;

namespace Logfold.Enricher;

/// <summary>The service meter the enrichment instruments live on (<see cref="EnricherHost.MeterName"/>).</summary>
internal sealed class EnricherMeter : IDisposable
{
    public Meter Meter { get; } = new(EnricherHost.MeterName);

    public void Dispose() => Meter.Dispose();
}
