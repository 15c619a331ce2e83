namespace Logfold.Kafka;

/// <summary>What the health endpoints read: when the loop last ticked, and whether it is assigned and able to produce.</summary>
public sealed class StageStatus
{
    private long _lastTick;
    private int _assigned;
    private int _producerReady;

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the loop's last iteration (0 before the first).</summary>
    public long LastTick => Volatile.Read(ref _lastTick);

    /// <summary>How many partitions the consumer holds.</summary>
    public int AssignedPartitions => Volatile.Read(ref _assigned);

    /// <summary>True once the producer is initialised (transactions included).</summary>
    public bool ProducerReady => Volatile.Read(ref _producerReady) == 1;

    /// <summary>The fatal error that stopped the loop, or null.</summary>
    public string? FatalError { get; internal set; }

    /// <summary>True when the loop stopped (normally or not).</summary>
    public bool Stopped { get; internal set; }

    internal void Tick(long timestamp) => Volatile.Write(ref _lastTick, timestamp);

    internal void SetAssigned(int count) => Volatile.Write(ref _assigned, count);

    internal void SetProducerReady(bool ready) => Volatile.Write(ref _producerReady, ready ? 1 : 0);
}
