namespace Logfold.Cli.Kafka;

/// <summary>A Kafka operation failed or was refused; the message says why and what to do. Exit code 1.</summary>
internal sealed class KafkaCommandException(string message) : Exception(message);
