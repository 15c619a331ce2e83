using Confluent.Kafka;
using Logfold.Kafka;

namespace Logfold.Testing.Kafka;

/// <summary>
/// A client factory that builds real clients and wraps each producer so tests can inject failures: a crash
/// between produce and commit, a transaction that must be aborted, or a full producer queue.
/// </summary>
public sealed class FaultInjectingClientFactory : IKafkaClientFactory
{
    private int _commits;
    private int _produces;

    /// <summary>
    /// When set, the n-th <c>CommitTransaction</c> (1-based, counted across producers) throws a fatal
    /// <see cref="KafkaException"/> instead of committing, as if the process died between produce and commit.
    /// </summary>
    public int CrashOnCommit { get; set; }

    /// <summary>When set, the n-th <c>CommitTransaction</c> throws <see cref="KafkaTxnRequiresAbortException"/> instead of committing.</summary>
    public int RequireAbortOnCommit { get; set; }

    /// <summary>When above zero, every n-th <c>Produce</c> first fails with <c>Local_QueueFull</c> (the retry then succeeds).</summary>
    public int QueueFullEvery { get; set; }

    /// <summary>How many <c>CommitTransaction</c> calls were made.</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>How many injected queue-full failures were thrown.</summary>
    public int QueueFullInjected { get; private set; }

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> CreateConsumer(ConsumerConfig config, Action<ConsumerBuilder<byte[], byte[]>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ConsumerBuilder<byte[], byte[]>(config);
        configure(builder);
        return builder.Build();
    }

    /// <inheritdoc />
    public IProducer<byte[], byte[]> CreateProducer(ProducerConfig config, Action<ProducerBuilder<byte[], byte[]>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ProducerBuilder<byte[], byte[]>(config);
        configure(builder);
        return new FaultyProducer(builder.Build(), this);
    }

    internal void BeforeCommit()
    {
        var n = Interlocked.Increment(ref _commits);
        if (n == CrashOnCommit)
        {
            throw new KafkaException(new Error(ErrorCode.Local_Fatal, "injected crash between produce and commit", true));
        }

        if (n == RequireAbortOnCommit)
        {
            throw new KafkaTxnRequiresAbortException(new Error(ErrorCode.Local_State, "injected: transaction requires abort"));
        }
    }

    internal bool InjectQueueFull()
    {
        if (QueueFullEvery <= 0)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _produces);
        if (n % QueueFullEvery != 0)
        {
            return false;
        }

        QueueFullInjected++;
        return true;
    }
}
