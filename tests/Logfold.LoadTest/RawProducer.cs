using Confluent.Kafka;

namespace Logfold.LoadTest;

/// <summary>
/// Sends the raw events to the first topic on its own thread, each with the load headers. A window bounds the
/// events in flight (sent but not yet read at the end of the pipeline), which keeps every topic's backlog small
/// (the mock cluster keeps only a few MB per partition) and the pipeline saturated; a rate caps events per second.
/// </summary>
internal sealed class RawProducer : IDisposable
{
    private readonly IReadOnlyList<byte[]> _events;
    private readonly string _topic;
    private readonly SemaphoreSlim? _window;
    private readonly int _rate;
    private readonly TimeProvider _time;
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ManualResetEventSlim _pace = new(false);
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _deliveryErrors;

    public RawProducer(string bootstrapServers, string topic, IReadOnlyList<byte[]> events, int window, int rate, TimeProvider time)
    {
        _events = events;
        _topic = topic;
        _window = window > 0 ? new SemaphoreSlim(window, window) : null;
        _rate = rate;
        _time = time;
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            ClientId = "load-producer",
        };
        config.Set("allow.auto.create.topics", "true");
        _producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
        _thread = new Thread(Run) { IsBackground = true, Name = "load-producer" };
    }

    /// <summary>The send time of the first event (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public long FirstSent { get; private set; }

    /// <summary>The send time of the last event.</summary>
    public long LastSent { get; private set; }

    public long Sent { get; private set; }

    public long DeliveryErrors => Interlocked.Read(ref _deliveryErrors);

    public Exception? Failure { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>One event left the pipeline (output or DLQ): room for one more.</summary>
    public void Completed() => _window?.Release();

    public void Join() => _thread.Join();

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive && _window is { } w && w.CurrentCount == 0)
        {
            w.Release(); // Wakes a producer blocked on a full window.
        }

        _thread.Join(TimeSpan.FromSeconds(30));
        _producer.Dispose();
        _window?.Dispose();
        _pace.Dispose();
    }

    private void Run()
    {
        try
        {
            Action<DeliveryReport<byte[]?, byte[]>> onDelivery = r =>
            {
                if (r.Error.IsError)
                {
                    Interlocked.Increment(ref _deliveryErrors);
                }
            };
            FirstSent = _time.GetTimestamp();
            for (var i = 0; i < _events.Count && !_stop; i++)
            {
                _window?.Wait();
                if (_rate > 0)
                {
                    Pace(i);
                }

                var sent = _time.GetTimestamp();
                var message = new Message<byte[]?, byte[]>
                {
                    Key = null,
                    Value = _events[i],
                    Headers = new Headers { { LoadHeaders.Sequence, LoadHeaders.Encode(i) }, { LoadHeaders.SentAt, LoadHeaders.Encode(sent) } },
                };
                ProduceWithBackoff(message, onDelivery);
                Sent = i + 1;
                LastSent = sent;
            }

            _producer.Flush(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException)
        {
            Failure = ex;
        }
    }

    private void ProduceWithBackoff(Message<byte[]?, byte[]> message, Action<DeliveryReport<byte[]?, byte[]>> onDelivery)
    {
        while (true)
        {
            try
            {
                _producer.Produce(_topic, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private void Pace(int i)
    {
        var due = TimeSpan.FromSeconds((double)i / _rate);
        var ahead = due - _time.GetElapsedTime(FirstSent);
        if (ahead > TimeSpan.FromMilliseconds(1))
        {
            _pace.Wait(ahead);
        }
    }
}
