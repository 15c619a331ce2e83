using Confluent.Kafka;

namespace Logfold.Kafka;

/// <summary>The real client factory.</summary>
internal sealed class KafkaClientFactory : IKafkaClientFactory
{
    public IConsumer<byte[], byte[]> CreateConsumer(ConsumerConfig config, Action<ConsumerBuilder<byte[], byte[]>> configure)
    {
        var builder = new ConsumerBuilder<byte[], byte[]>(config);
        configure(builder);
        return builder.Build();
    }

    public IProducer<byte[], byte[]> CreateProducer(ProducerConfig config, Action<ProducerBuilder<byte[], byte[]>> configure)
    {
        var builder = new ProducerBuilder<byte[], byte[]>(config);
        configure(builder);
        return builder.Build();
    }
}
