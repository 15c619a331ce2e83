using Logfold.Cli.Commands;

namespace Logfold.Cli;

/// <summary>The <c>logfold</c> command dispatcher. Exit codes: 0 success, 1 I/O or runtime failure, 2 usage error.</summary>
internal static class CliApp
{
    public static readonly string Usage = """
        logfold: Kafka-native log normalization (detect, parse, map to ECS).

        Usage:
          logfold normalize [--input PATH|-] [--output PATH|-] [--source TYPE] [--timezone TZ]
                            [--panos-timezone TZ] [--dlq PATH] [--keep-original] [--config FILE]
          logfold detect    [--input PATH|-] [--output PATH|-] [--source HINT] [--config FILE]
          logfold conformance --corpus DIR [--source TYPE] [--output FILE] [--details FILE]
          logfold replay | dlq list|show|redrive | dev-kafka   (operating Kafka; see below)
          logfold help

        Source types: windows_event, linux_syslog, paloalto, aws_cloudtrail (anything else: unknown).
        TZ: an IANA zone name (Europe/Berlin) or a fixed offset (+09:30); default UTC.
        FILE: YAML with Logfold:Detection and Logfold:Normalize sections (see config/logfold.yaml).

        Operating Kafka (docs/operations.md). Connection: --bootstrap-server, --command-config FILE (librdkafka
        key=value properties for TLS/SASL), or LOGFOLD_KAFKA_<PROPERTY> variables (LOGFOLD_KAFKA_SASL_PASSWORD).
        """ + "\n" + ReplayCommand.Usage + "\n" + DlqCommand.Usage + "\n" + DevKafkaCommand.Usage;

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stdoutText, TextWriter stderr, TimeProvider clock)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            stdoutText.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "normalize" => NormalizeCommand.Run(rest, stdin, stdout, stderr, clock),
                "detect" => DetectCommand.Run(rest, stdin, stdout),
                "conformance" => ConformanceCommand.Run(rest, stdoutText, stderr),
                "replay" => ReplayCommand.Run(rest, new StreamReader(stdin, leaveOpen: true), stdoutText, TextWriter.Synchronized(stderr), clock, Environment.GetEnvironmentVariables()),
                "dlq" => DlqCommand.Run(rest, new StreamReader(stdin, leaveOpen: true), stdoutText, TextWriter.Synchronized(stderr), clock, Environment.GetEnvironmentVariables()),
                "dev-kafka" => DevKafkaCommand.RunUntilSignal(rest, stdoutText, TextWriter.Synchronized(stderr)),
                _ => throw new CliUsageException($"Unknown command '{args[0]}'."),
            };
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"logfold: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"logfold: I/O failed: {ex.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"logfold: I/O failed: {ex.Message}");
            return 1;
        }
    }
}
