using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Logfold.Testing.Stages;

/// <summary>
/// Listens to one <see cref="Meter"/> by name and sums its long counters, overall and per tag value, so tests
/// can check that the metrics agree with what they observed.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    /// <summary>Starts listening to meters named <paramref name="meterName"/>.</summary>
    public MetricRecorder(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (string.Equals(instrument.Meter.Name, meterName, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate(instrument.Name + "{" + tag.Key + "=" + tag.Value + "}", value, (_, v) => v + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The sum of a counter (0 when never recorded).</summary>
    public long Total(string instrument) => _totals.TryGetValue(instrument, out var v) ? v : 0;

    /// <summary>The sum of a counter for one tag value.</summary>
    public long Total(string instrument, string tag, string value) => Total(instrument + "{" + tag + "=" + value + "}");

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
