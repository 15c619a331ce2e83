using Confluent.Kafka;

namespace Logfold.Kafka;

/// <summary>Builds the Kafka clients a stage uses, so that tests can inject failures and fencing.</summary>
public interface IKafkaClientFactory
{
    /// <summary>Builds a consumer; <paramref name="configure"/> installs the rebalance and error handlers.</summary>
    IConsumer<byte[], byte[]> CreateConsumer(ConsumerConfig config, Action<ConsumerBuilder<byte[], byte[]>> configure);

    /// <summary>Builds a producer; <paramref name="configure"/> installs the error handler.</summary>
    IProducer<byte[], byte[]> CreateProducer(ProducerConfig config, Action<ProducerBuilder<byte[], byte[]>> configure);
}
