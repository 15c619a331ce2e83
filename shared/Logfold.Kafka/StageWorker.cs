using System.Globalization;
using Confluent.Kafka;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Microsoft.Extensions.Logging;

namespace Logfold.Kafka;

/// <summary>
/// The stage loop: one consume thread and one producer. In ExactlyOnce mode each batch is a transaction:
/// consume → process → produce → SendOffsetsToTransaction → commit, every <see cref="StageOptions.BatchMaxRecords"/>
/// records or <see cref="StageOptions.BatchMaxMs"/> ms. In AtLeastOnce mode the producer is idempotent and the
/// loop flushes, then commits offsets. Not thread-safe: <see cref="Run"/> owns its thread.
/// </summary>
internal sealed class StageWorker
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);

    private readonly IStageProcessor _processor;
    private readonly StageOptions _options;
    private readonly KafkaOptions _kafka;
    private readonly IKafkaClientFactory _factory;
    private readonly StageMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DlqWriter _dlq;
    private readonly BufferedOutput _output;
    private readonly KafkaRecordHeaders _headers = new();
    private readonly BatchCounts _counts = new();
    private readonly Dictionary<TopicPartition, long> _next = [];
    private readonly Dictionary<TopicPartition, long> _first = [];
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly List<long> _timestamps = [];
    private readonly Action<DeliveryReport<byte[], byte[]>> _onDelivery;
    private readonly bool _exactlyOnce;

    private IConsumer<byte[], byte[]>? _consumer;
    private IProducer<byte[], byte[]>? _producer;
    private bool _inBatch;
    private long _batchStarted;
    private long _lastLag;
    private long _deliveryFailures;

    public StageWorker(IStageProcessor processor, StageOptions options, KafkaOptions kafka, IKafkaClientFactory factory, StageMetrics metrics, TimeProvider time, ILogger logger)
    {
        _processor = processor;
        _options = options;
        _kafka = kafka;
        _factory = factory;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _exactlyOnce = options.DeliveryMode == DeliveryMode.ExactlyOnce;
        _dlq = new DlqWriter(processor.Name, options.DeadLetterTopic);
        _output = new BufferedOutput();
        _onDelivery = OnDelivery;
    }

    /// <summary>What the health endpoints read.</summary>
    public StageStatus Status { get; } = new();

    /// <summary>
    /// Runs until <paramref name="stop"/> is cancelled, then finishes the record in hand, commits the batch and
    /// closes. Throws <see cref="StageFatalException"/> when the stage cannot go on.
    /// </summary>
    public void Run(CancellationToken stop)
    {
        Log.Starting(_logger, _processor.Name, _options.InputTopic, _options.OutputTopic, _options.DeadLetterTopic, _options.GroupId, _options.DeliveryMode, _kafka.ToString());
        try
        {
            _producer = _factory.CreateProducer(ProducerConfig(), b => b.SetErrorHandler((_, e) => OnClientError(e)));
            if (_exactlyOnce)
            {
                _producer.InitTransactions(ClientTimeout);
            }

            Status.SetProducerReady(true);
            _consumer = _factory.CreateConsumer(ConsumerConfig(), b => b
                .SetErrorHandler((_, e) => OnClientError(e))
                .SetPartitionsAssignedHandler((_, parts) => OnAssigned(parts))
                .SetPartitionsRevokedHandler((_, parts) => OnRevoked(parts))
                .SetPartitionsLostHandler((_, parts) => OnLost(parts)));
            _consumer.Subscribe(_options.InputTopic);
            Loop(stop);
            if (_inBatch)
            {
                CommitBatch();
            }

            _consumer.Close();
            Log.Stopped(_logger, _processor.Name);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped in the middle of a retry: the open batch is abandoned uncommitted and will be re-read.
            AbortQuietly();
            Log.Stopped(_logger, _processor.Name);
        }
        catch (StageFatalException ex)
        {
            // A Config failure: abort the open batch so read_committed consumers are not held at its start.
            AbortQuietly();
            Status.FatalError = ex.Message;
            Log.Fatal(_logger, _processor.Name, ex.Message, ex.InnerException);
            throw;
        }
        catch (KafkaException ex)
        {
            var message = $"Kafka error {ex.Error.Code} (fatal={ex.Error.IsFatal}): {ex.Error.Reason}";
            Status.FatalError = message;
            Log.Fatal(_logger, _processor.Name, message, ex);
            throw new StageFatalException(message, ex);
        }
        finally
        {
            Status.Stopped = true;
            Status.SetProducerReady(false);
            Status.SetAssigned(0);
            _consumer?.Dispose();
            _producer?.Dispose();
        }
    }

    private void Loop(CancellationToken stop)
    {
        var consumer = _consumer!;
        while (!stop.IsCancellationRequested)
        {
            var now = _time.GetTimestamp();
            Status.Tick(now);
            var wait = IdleWait;
            if (_inBatch)
            {
                var left = TimeSpan.FromMilliseconds(_options.BatchMaxMs) - _time.GetElapsedTime(_batchStarted, now);
                wait = left < TimeSpan.Zero ? TimeSpan.Zero : left < IdleWait ? left : IdleWait;
            }

            ConsumeResult<byte[], byte[]>? record;
            try
            {
                record = consumer.Consume(wait);
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                _metrics.Error("consume");
                Log.ClientError(_logger, _processor.Name, ex.Error.Code.ToString(), ex.Error.Reason);
                continue;
            }

            if (record is not null && !record.IsPartitionEOF)
            {
                try
                {
                    if (!_inBatch)
                    {
                        BeginBatch();
                    }

                    Handle(record, stop);
                }
                catch (KafkaTxnRequiresAbortException ex)
                {
                    AbortAndRewind(ex.Error.Reason);
                    continue;
                }
            }

            if (_inBatch && (_counts.Received >= _options.BatchMaxRecords || _time.GetElapsedTime(_batchStarted) >= TimeSpan.FromMilliseconds(_options.BatchMaxMs)))
            {
                CommitBatch();
            }
        }
    }

    private void BeginBatch()
    {
        if (_exactlyOnce)
        {
            _producer!.BeginTransaction();
        }

        _inBatch = true;
        _batchStarted = _time.GetTimestamp();
    }

    private void Handle(ConsumeResult<byte[], byte[]> record, CancellationToken stop)
    {
        var message = record.Message;
        var tp = record.TopicPartition;
        _first.TryAdd(tp, record.Offset.Value);
        _headers.Current = message.Headers;
        var input = new InputRecord(message.Key, message.Value ?? [], message.Headers is { Count: > 0 } ? _headers : null,
            record.Topic, record.Partition.Value, record.Offset.Value, message.Timestamp.UnixTimestampMs);
        for (var attempt = 0; ; attempt++)
        {
            _output.Clear();
            try
            {
                _processor.Process(input, _output);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _output.Clear();
                var category = _processor.Classify(ex);
                _metrics.Error(category);
                if (category == ErrorCategory.Config)
                {
                    throw new StageFatalException($"Configuration error in stage {_processor.Name}: {ex.Message}", ex);
                }

                if (category == ErrorCategory.Transient && attempt < _options.MaxRetries)
                {
                    var delay = Backoff(attempt);
                    Log.Retrying(_logger, _processor.Name, record.Topic, record.Partition.Value, record.Offset.Value, attempt + 1, (long)delay.TotalMilliseconds, ex);
                    Task.Delay(delay, _time, stop).GetAwaiter().GetResult();
                    continue;
                }

                var reason = category == ErrorCategory.Transient ? StageErrors.RetriesExhaustedReason : StageErrors.ReasonOf(ex);
                _output.DeadLetter(reason, $"{ex.GetType().Name}: {ex.Message}", ex, category);
                break;
            }
        }

        if (_output.Count == 0)
        {
            // A stage that reached no verb would silently drop the record: dead-letter it instead.
            _output.DeadLetter("no_outcome", $"Stage {_processor.Name} returned without emitting, dead-lettering or filtering the record.", null, ErrorCategory.System);
        }

        _output.CheckSizes(_options.MaxMessageBytes);
        foreach (ref readonly var o in _output.Outcomes)
        {
            switch (o.Kind)
            {
                case BufferedOutput.Kind.Emit:
                    Produce(_options.OutputTopic, new Message<byte[], byte[]> { Key = o.Key!, Value = o.Value!, Headers = ToHeaders(o.Headers) });
                    _counts.Sent++;
                    _counts.BytesSent += o.Value!.Length;
                    break;
                case BufferedOutput.Kind.DeadLetter:
                    Produce(_dlq.Topic, _dlq.Build(record, o.Reason!, o.Detail!, o.Exception, o.Category));
                    BatchCounts.Bump(_counts.DeadLettered, o.Reason!);
                    Log.DeadLettered(_logger, _processor.Name, record.Topic, record.Partition.Value, record.Offset.Value, o.Reason!);
                    break;
                default:
                    BatchCounts.Bump(_counts.Filtered, o.Reason!);
                    break;
            }
        }

        _counts.Received++;
        _timestamps.Add(message.Timestamp.UnixTimestampMs);
        _next[tp] = record.Offset.Value + 1;
    }

    private void Produce(string topic, Message<byte[], byte[]> message)
    {
        var backoff = 1;
        while (true)
        {
            try
            {
                _producer!.Produce(topic, message, _onDelivery);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Backpressure: the consume loop stops here (no new records are fetched) until the queue drains.
                _metrics.Error("queue_full");
                Log.QueueFull(_logger, _processor.Name);
                Status.Tick(_time.GetTimestamp());
                _producer!.Poll(TimeSpan.FromMilliseconds(backoff));
                backoff = Math.Min(backoff * 2, 100);
            }
        }
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _deliveryFailures);
            _metrics.Error("delivery");
        }
    }

    private void CommitBatch()
    {
        var consumer = _consumer!;
        var producer = _producer!;
        var offsets = new List<TopicPartitionOffset>(_next.Count);
        foreach (var (tp, next) in _next)
        {
            offsets.Add(new TopicPartitionOffset(tp, new Offset(next)));
        }

        try
        {
            if (_exactlyOnce)
            {
                if (offsets.Count > 0)
                {
                    producer.SendOffsetsToTransaction(offsets, consumer.ConsumerGroupMetadata, ClientTimeout);
                }

                CommitTransaction(producer);
                if (_options.CommitOffsetsThroughConsumer && offsets.Count > 0)
                {
                    consumer.Commit(offsets);
                }
            }
            else
            {
                producer.Flush(ClientTimeout);
                var failed = Interlocked.Exchange(ref _deliveryFailures, 0);
                if (failed > 0)
                {
                    Log.DeliveryFailed(_logger, _processor.Name, failed);
                    Rewind();
                    return;
                }

                if (offsets.Count > 0)
                {
                    consumer.Commit(offsets);
                }
            }
        }
        catch (KafkaTxnRequiresAbortException ex)
        {
            AbortAndRewind(ex.Error.Reason);
            return;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var ts in _timestamps)
        {
            _metrics.Latency((now - ts) / 1000.0);
        }

        _metrics.Committed(_counts, _time.GetElapsedTime(_batchStarted).TotalSeconds);
        EndBatch();
        UpdateLag();
    }

    private void CommitTransaction(IProducer<byte[], byte[]> producer)
    {
        while (true)
        {
            try
            {
                producer.CommitTransaction(ClientTimeout);
                return;
            }
            catch (KafkaRetriableException ex)
            {
                Log.CommitRetry(_logger, _processor.Name, ex.Error.Reason);
            }
        }
    }

    private void AbortAndRewind(string reason)
    {
        Log.Aborting(_logger, _processor.Name, reason, _counts.Received);
        _metrics.Error("transaction_abort");
        if (_exactlyOnce)
        {
            _producer!.AbortTransaction(ClientTimeout);
        }

        Rewind();
    }

    /// <summary>Seeks every partition in the batch back to its first record (the committed offset) and forgets the batch.</summary>
    private void Rewind()
    {
        foreach (var (tp, first) in _first)
        {
            if (_assigned.Contains(tp))
            {
                _consumer!.Seek(new TopicPartitionOffset(tp, new Offset(first)));
            }
        }

        EndBatch();
    }

    private void AbortQuietly()
    {
        if (_inBatch && _exactlyOnce)
        {
            try
            {
                _producer?.AbortTransaction(TimeSpan.FromSeconds(5));
            }
            catch (KafkaException)
            {
                // Closing anyway; the coordinator aborts on timeout or when the next instance fences this one.
            }
        }

        EndBatch();
    }

    private void EndBatch()
    {
        _inBatch = false;
        _counts.Clear();
        _next.Clear();
        _first.Clear();
        _timestamps.Clear();
        _output.Clear();
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            _assigned.Add(tp);
        }

        Status.SetAssigned(_assigned.Count);
        Log.Assigned(_logger, _processor.Name, partitions.Count, string.Join(',', partitions));
    }

    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        Log.Revoked(_logger, _processor.Name, partitions.Count);
        if (_inBatch)
        {
            CommitBatch();
        }

        foreach (var tpo in partitions)
        {
            _assigned.Remove(tpo.TopicPartition);
            _metrics.ForgetLag(tpo.Topic, tpo.Partition.Value);
        }

        Status.SetAssigned(_assigned.Count);
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        Log.Lost(_logger, _processor.Name, partitions.Count);
        foreach (var tpo in partitions)
        {
            _assigned.Remove(tpo.TopicPartition);
            _metrics.ForgetLag(tpo.Topic, tpo.Partition.Value);
        }

        if (_inBatch)
        {
            AbortAndRewind("partitions lost");
        }

        Status.SetAssigned(_assigned.Count);
    }

    private void OnClientError(Error error)
    {
        _metrics.Error("kafka");
        Log.ClientError(_logger, _processor.Name, error.Code.ToString(), error.Reason);
    }

    private void UpdateLag()
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_lastLag, now) < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastLag = now;
        foreach (var tp in _assigned)
        {
            var watermarks = _consumer!.GetWatermarkOffsets(tp);
            var position = _consumer.Position(tp);
            if (watermarks.High.Value >= 0 && position.Value >= 0)
            {
                _metrics.SetLag(tp.Topic, tp.Partition.Value, watermarks.High.Value - position.Value);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseMs = Math.Min((double)_options.RetryMaxBackoffMs, _options.RetryInitialBackoffMs * Math.Pow(2, attempt));
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(baseMs * jitter);
    }

    private static Headers? ToHeaders(IReadOnlyList<RecordHeader>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return null;
        }

        var result = new Headers();
        foreach (var h in headers)
        {
            result.Add(h.Name, h.Value);
        }

        return result;
    }

    private ConsumerConfig ConsumerConfig()
    {
        var config = new ConsumerConfig();
        _kafka.ApplyTo(config);
        config.GroupId = _options.GroupId;
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.ClientId = _processor.Name + "-" + _options.InstanceId;
        return config;
    }

    private ProducerConfig ProducerConfig()
    {
        var config = new ProducerConfig();
        _kafka.ApplyTo(config);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.MessageMaxBytes = _options.MaxMessageBytes + (64 * 1024);
        config.ClientId = _processor.Name + "-" + _options.InstanceId;
        if (_exactlyOnce)
        {
            config.TransactionalId = _options.TransactionalId;
            config.TransactionTimeoutMs = _options.TransactionTimeoutMs;
        }

        if (!_kafka.Settings.ContainsKey("linger.ms"))
        {
            config.LingerMs = 5;
        }

        return config;
    }

    internal static string Describe(TopicPartitionOffset tpo) =>
        tpo.Topic + "[" + tpo.Partition.Value.ToString(CultureInfo.InvariantCulture) + "]@" + tpo.Offset.Value.ToString(CultureInfo.InvariantCulture);
}
