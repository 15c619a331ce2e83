using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Logfold.Processing.Pipeline;

namespace Logfold.Kafka;

/// <summary>
/// The stage loop's instruments on the service's one <see cref="Meter"/> (<c>Logfold.&lt;Stage&gt;</c>). Record
/// counts are added when a batch commits, so retried or rewound work is never counted twice.
/// </summary>
public sealed class StageMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _filtered;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<double> _latency;
    private readonly ConcurrentDictionary<(string Topic, int Partition), long> _lag = new();
    private readonly string _stage;

    /// <summary>Creates the instruments on a meter named <paramref name="meterName"/>.</summary>
    public StageMetrics(string meterName, string stage)
    {
        _stage = stage;
        _meter = new Meter(meterName);
        _received = _meter.CreateCounter<long>("logfold.records.received", "{record}", "Input records processed and committed.");
        _sent = _meter.CreateCounter<long>("logfold.records.sent", "{record}", "Records produced to the output topic.");
        _bytesSent = _meter.CreateCounter<long>("logfold.bytes.sent", "By", "Value bytes produced to the output topic.");
        _deadLettered = _meter.CreateCounter<long>("logfold.records.dead_lettered", "{record}", "Records sent to the dead-letter topic, by reason.");
        _filtered = _meter.CreateCounter<long>("logfold.records.filtered", "{record}", "Records dropped on purpose, by reason.");
        _errors = _meter.CreateCounter<long>("logfold.errors", "{error}", "Errors, by type and stage.");
        _batchDuration = _meter.CreateHistogram<double>("logfold.batch.duration", "s", "Time from a batch's first record to its commit.");
        _latency = _meter.CreateHistogram<double>("logfold.records.latency", "s", "End-to-end latency: commit time minus the input record's timestamp.");
        _meter.CreateObservableGauge("logfold.consumer.lag", ObserveLag, "{record}", "High watermark minus the consumer position, per partition.");
    }

    /// <summary>The meter name.</summary>
    public string MeterName => _meter.Name;

    internal void Committed(BatchCounts counts, double batchSeconds)
    {
        _received.Add(counts.Received);
        _sent.Add(counts.Sent);
        _bytesSent.Add(counts.BytesSent);
        foreach (var (reason, n) in counts.DeadLettered)
        {
            _deadLettered.Add(n, new KeyValuePair<string, object?>("reason", reason));
        }

        foreach (var (reason, n) in counts.Filtered)
        {
            _filtered.Add(n, new KeyValuePair<string, object?>("reason", reason));
        }

        _batchDuration.Record(batchSeconds);
    }

    internal void Latency(double seconds) => _latency.Record(seconds < 0 ? 0 : seconds);

    internal void Error(string errorType) =>
        _errors.Add(1, new KeyValuePair<string, object?>("error_type", errorType), new KeyValuePair<string, object?>("stage", _stage));

    internal void Error(ErrorCategory category) => Error(DlqWriter.CategoryName(category));

    internal void SetLag(string topic, int partition, long lag) => _lag[(topic, partition)] = lag < 0 ? 0 : lag;

    internal void ForgetLag(string topic, int partition) => _lag.TryRemove((topic, partition), out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((topic, partition), lag) in _lag)
        {
            yield return new Measurement<long>(lag, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("partition", partition));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
