using System.Text;
using Confluent.Kafka;
using ContractHeaders = Logfold.Contracts.Headers;

namespace Logfold.LoadTest;

/// <summary>
/// Reads the last stage's output topic and the DLQ with <c>read_committed</c>, as a downstream consumer would,
/// and checks that every input arrived exactly once across the two; records end-to-end latency for outputs.
/// </summary>
internal sealed class OutputReader : IDisposable
{
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly string _outputTopic;
    private readonly byte[] _seen;
    private readonly long[] _latencyTicks;
    private readonly TimeProvider _time;

    public OutputReader(string bootstrapServers, string outputTopic, string dlqTopic, int expected, string group, TimeProvider time)
    {
        _outputTopic = outputTopic;
        _time = time;
        _seen = new byte[expected];
        _latencyTicks = new long[expected];
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnableAutoCommit = false,
            ClientId = "load-reader",
            FetchWaitMaxMs = 10,
        };
        config.Set("allow.auto.create.topics", "true");
        _consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        _consumer.Subscribe([outputTopic, dlqTopic]);
    }

    public long Distinct { get; private set; }

    public long Outputs { get; private set; }

    public long DeadLettered { get; private set; }

    public long Duplicates { get; private set; }

    public long Foreign { get; private set; }

    public long LastArrival { get; private set; }

    public SortedDictionary<string, long> DlqReasons { get; } = new(StringComparer.Ordinal);

    public int LatencyCount { get; private set; }

    public bool Assigned => _consumer.Assignment.Count > 0;

    /// <summary>Polls once (up to <paramref name="wait"/>); true when it saw a record.</summary>
    public bool Poll(TimeSpan wait, Action onNewInput)
    {
        ConsumeResult<byte[], byte[]>? r;
        try
        {
            r = _consumer.Consume(wait);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            return false; // A topic nothing was written to yet.
        }

        if (r is null || r.IsPartitionEOF)
        {
            return false;
        }

        var now = _time.GetTimestamp();
        var headers = r.Message.Headers;
        if (headers is null || !headers.TryGetLastBytes(LoadHeaders.Sequence, out var seqBytes) || !LoadHeaders.TryDecode(seqBytes, out var seq)
            || seq < 0 || seq >= _seen.Length)
        {
            Foreign++;
            return true;
        }

        var isOutput = string.Equals(r.Topic, _outputTopic, StringComparison.Ordinal);
        if (isOutput)
        {
            Outputs++;
        }
        else
        {
            DeadLettered++;
            var reason = headers.TryGetLastBytes(ContractHeaders.ErrorReason, out var rb) ? Encoding.UTF8.GetString(rb) : "?";
            var stage = headers.TryGetLastBytes(ContractHeaders.ErrorStage, out var sb) ? Encoding.UTF8.GetString(sb) : "?";
            var key = stage + "/" + reason;
            DlqReasons[key] = (DlqReasons.TryGetValue(key, out var n) ? n : 0) + 1;
        }

        if (_seen[seq] != 0)
        {
            Duplicates++;
            return true;
        }

        _seen[seq] = 1;
        Distinct++;
        LastArrival = now;
        if (isOutput && headers.TryGetLastBytes(LoadHeaders.SentAt, out var sentBytes) && LoadHeaders.TryDecode(sentBytes, out var sent))
        {
            _latencyTicks[LatencyCount++] = now - sent;
        }

        onNewInput();
        return true;
    }

    /// <summary>Sequence numbers never seen (at most <paramref name="max"/> of them).</summary>
    public List<long> Missing(int max)
    {
        var missing = new List<long>();
        for (var i = 0; i < _seen.Length && missing.Count < max; i++)
        {
            if (_seen[i] == 0)
            {
                missing.Add(i);
            }
        }

        return missing;
    }

    /// <summary>Latency percentiles in milliseconds (p50, p90, p99, max), or null with no outputs.</summary>
    public double[]? LatencyPercentilesMs()
    {
        if (LatencyCount == 0)
        {
            return null;
        }

        var sorted = _latencyTicks.AsSpan(0, LatencyCount).ToArray();
        Array.Sort(sorted);
        double[] quantiles = [0.50, 0.90, 0.99, 1.0];
        var result = new double[quantiles.Length];
        for (var i = 0; i < quantiles.Length; i++)
        {
            var index = (int)Math.Ceiling(quantiles[i] * sorted.Length) - 1;
            result[i] = sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000.0 / _time.TimestampFrequency;
        }

        return result;
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
