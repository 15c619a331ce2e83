using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>Runs an operating command and turns Kafka failures into a one-line error and exit code 1.</summary>
internal static class KafkaCommand
{
    public static int Guard(TextWriter stderr, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (KafkaCommandException ex)
        {
            stderr.WriteLine($"logfold: {ex.Message}");
            return 1;
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine($"logfold: Kafka: {ex.Error.Reason}");
            return 1;
        }
    }
}
