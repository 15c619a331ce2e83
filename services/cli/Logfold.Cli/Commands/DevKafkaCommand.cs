using System.Globalization;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold dev-kafka</c>: runs librdkafka's in-memory mock cluster for trying Logfold without a Kafka
/// installation. It speaks the Kafka protocol on 127.0.0.1, creates topics on first use and keeps everything in
/// memory: a development aid with no durability.
/// </summary>
internal static class DevKafkaCommand
{
    public const string Usage = """
        logfold dev-kafka [--brokers N]
          DEVELOPMENT AID, NO DURABILITY. Starts librdkafka's in-memory mock cluster (N brokers, default 1) on
          127.0.0.1, prints its bootstrap address, and runs until Ctrl-C or SIGTERM; all data is lost then.
          Topics are created on first use with the mock's defaults, and each keeps only a short tail (about 20 MB).
          The mock does not store consumer offsets sent inside a transaction (SendOffsetsToTransaction), so a
          Logfold stage in exactly-once mode would re-read its input after a restart: set the stage option
          Logfold:Stage:CommitOffsetsThroughConsumer=true (LOGFOLD__STAGE__COMMITOFFSETSTHROUGHCONSUMER=true),
          or run the stage in at-least-once mode (Logfold:Stage:DeliveryMode=AtLeastOnce).
          Only clients on this machine can reach it (it listens on loopback).
        """;

    private static readonly HashSet<string> ValueOptions = ["--brokers"];

    /// <summary>Runs until <paramref name="stop"/> is cancelled. Exit code 0 after a clean stop.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        var a = CliArgs.Parse(args, ValueOptions, new HashSet<string>());
        var brokers = 1;
        if (a.Get("--brokers") is { } b && (!int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out brokers) || brokers is < 1 or > 9))
        {
            throw new CliUsageException("--brokers must be a whole number from 1 to 9.");
        }

        var config = new ProducerConfig { BootstrapServers = string.Empty };
        config.Set("test.mock.num.brokers", brokers.ToString(CultureInfo.InvariantCulture));
        using var owner = new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, m) =>
            {
                if (m.Level <= SyslogLevel.Warning)
                {
                    stderr.WriteLine($"kafka: {m.Level}: {m.Facility}: {m.Message}");
                }
            })
            .Build();
        string bootstrap;
        using (var admin = new DependentAdminClientBuilder(owner.Handle).Build())
        {
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            var addresses = new List<string>(metadata.Brokers.Count);
            foreach (var broker in metadata.Brokers)
            {
                addresses.Add(string.Create(CultureInfo.InvariantCulture, $"{broker.Host}:{broker.Port}"));
            }

            addresses.Sort(StringComparer.Ordinal);
            bootstrap = string.Join(',', addresses);
        }

        stdout.WriteLine("************************************************************************");
        stdout.WriteLine("*  logfold dev-kafka: DEVELOPMENT AID ONLY - NO DURABILITY             *");
        stdout.WriteLine("*  In-memory mock cluster; everything is lost when it stops.           *");
        stdout.WriteLine("*  Transactional consumer offsets are not stored (see logfold help).   *");
        stdout.WriteLine("************************************************************************");
        stdout.WriteLine($"bootstrap.servers={bootstrap}");
        stdout.WriteLine("Running; press Ctrl-C (or send SIGTERM) to stop.");
        stdout.Flush();

        stop.WaitHandle.WaitOne();
        stdout.WriteLine("Stopped; the mock cluster's data is gone.");
        return 0;
    }

    /// <summary>Runs from the command line: Ctrl-C and SIGTERM stop it.</summary>
    public static int RunUntilSignal(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var cts = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return Run(args, stdout, stderr, cts.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cts.Cancel();
        }
    }
}
