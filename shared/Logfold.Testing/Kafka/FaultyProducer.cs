using Confluent.Kafka;

namespace Logfold.Testing.Kafka;

/// <summary>A producer decorator that consults a <see cref="FaultInjectingClientFactory"/> before delegating.</summary>
internal sealed class FaultyProducer(IProducer<byte[], byte[]> inner, FaultInjectingClientFactory faults) : IProducer<byte[], byte[]>
{
    private bool _queueFullPending;

    public Handle Handle => inner.Handle;

    public string Name => inner.Name;

    public int AddBrokers(string brokers) => inner.AddBrokers(brokers);

    public void SetSaslCredentials(string username, string password) => inner.SetSaslCredentials(username, password);

    public Task<DeliveryResult<byte[], byte[]>> ProduceAsync(string topic, Message<byte[], byte[]> message, CancellationToken cancellationToken = default) =>
        inner.ProduceAsync(topic, message, cancellationToken);

    public Task<DeliveryResult<byte[], byte[]>> ProduceAsync(TopicPartition topicPartition, Message<byte[], byte[]> message, CancellationToken cancellationToken = default) =>
        inner.ProduceAsync(topicPartition, message, cancellationToken);

    public void Produce(string topic, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>>? deliveryHandler = null)
    {
        if (!_queueFullPending && faults.InjectQueueFull())
        {
            _queueFullPending = true;
            throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.Local_QueueFull, "injected: queue full"), new DeliveryResult<byte[], byte[]> { Message = message });
        }

        _queueFullPending = false;
        inner.Produce(topic, message, deliveryHandler);
    }

    public void Produce(TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>>? deliveryHandler = null) =>
        inner.Produce(topicPartition, message, deliveryHandler);

    public int Poll(TimeSpan timeout) => inner.Poll(timeout);

    public int Flush(TimeSpan timeout) => inner.Flush(timeout);

    public void Flush(CancellationToken cancellationToken = default) => inner.Flush(cancellationToken);

    public void InitTransactions(TimeSpan timeout) => inner.InitTransactions(timeout);

    public void BeginTransaction() => inner.BeginTransaction();

    public void CommitTransaction(TimeSpan timeout)
    {
        faults.BeforeCommit();
        inner.CommitTransaction(timeout);
    }

    public void CommitTransaction()
    {
        faults.BeforeCommit();
        inner.CommitTransaction();
    }

    public void AbortTransaction(TimeSpan timeout) => inner.AbortTransaction(timeout);

    public void AbortTransaction() => inner.AbortTransaction();

    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) =>
        inner.SendOffsetsToTransaction(offsets, groupMetadata, timeout);

    public void Dispose() => inner.Dispose();
}
