using System.Collections;
using System.Globalization;
using Confluent.Kafka;
using Logfold.Cli.Kafka;
using Logfold.Contracts;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold dlq list|show|redrive</c>: inspects the dead-letter topic and sends records back to the topic they
/// failed on. Reading never joins a consumer group and never commits, except redrive's own progress group.
/// DLQ records are read with read_committed, so records of aborted stage transactions never show.
/// </summary>
internal static class DlqCommand
{
    public const string Usage = """
        logfold dlq list [--topic logs.dlq] [--stage S[,S]] [--reason R[,R]] [--since TIME] [--until TIME] [--limit N]
          One line per record: p<partition>@<offset> time stage= category= reason= source=<topic>/<partition>@<offset> retry=
        logfold dlq show --partition P --offset O [--topic logs.dlq]
          Headers, key and value of one record (text when printable UTF-8, else base64).
        logfold dlq redrive [--topic logs.dlq] [filters as for list] [--group G] [--from-beginning] [--max-retries N]
                            [--execute] [--yes]
          Sends matching records to their logfold.source.topic (same partition, key and value; error headers
          dropped; logfold.retry.count + 1). Without --execute, only counts. Resumes from group G's committed
          position (default logfold-dlq-redrive) and commits it after a complete run; records skipped by filters
          count as handled for that group, so use one group per fix (--group redrive-TICKET).
        All: [--bootstrap-server HOST:PORT] [--command-config FILE] [--timeout SECONDS]; TIME is ISO 8601 or 15m/6h/7d ago.
        """;

    internal const string ReaderGroup = "logfold-cli-reader";

    private static readonly HashSet<string> ListValues = ["--topic", "--limit", .. DlqFilter.ValueOptions, .. KafkaConnection.ValueOptions];

    private static readonly HashSet<string> ShowValues = ["--topic", "--partition", "--offset", .. KafkaConnection.ValueOptions];

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment)
    {
        if (args.Length == 0)
        {
            throw new CliUsageException("dlq needs a subcommand: list, show or redrive.");
        }

        var rest = args[1..];
        return args[0] switch
        {
            "list" => KafkaCommand.Guard(stderr, () => List(rest, stdout, stderr, clock, environment)),
            "show" => KafkaCommand.Guard(stderr, () => Show(rest, stdout, stderr, clock, environment)),
            "redrive" => KafkaCommand.Guard(stderr, () => DlqRedriveCommand.Run(rest, stdin, stdout, stderr, clock, environment)),
            _ => throw new CliUsageException($"Unknown dlq subcommand '{args[0]}'."),
        };
    }

    private static int List(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment)
    {
        var a = CliArgs.Parse(args, ListValues, new HashSet<string>());
        var topic = a.Get("--topic") ?? Topics.DeadLetter;
        var filter = DlqFilter.From(a, clock);
        var limit = long.MaxValue;
        if (a.Get("--limit") is { } l && (!long.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit == 0))
        {
            throw new CliUsageException("--limit must be a positive whole number.");
        }

        var connection = KafkaConnection.From(a, environment);
        var diagnostics = new KafkaDiagnostics(stderr);
        List<int> partitions;
        using (var admin = KafkaClients.Admin(connection, diagnostics))
        {
            partitions = KafkaClients.Partitions(admin, topic, connection.Timeout);
        }

        using var consumer = KafkaClients.Consumer(connection, ReaderGroup, diagnostics);
        try
        {
            var ranges = DlqRanges.Plan(consumer, topic, partitions, null, filter.Since, connection.Timeout, clock);
            long read = 0, listed = 0;
            BoundedReader.Read(consumer, ranges, connection.Timeout, clock, result =>
            {
                read++;
                var record = DlqRecord.From(result);
                if (filter.Matches(record))
                {
                    stdout.WriteLine(record.Describe());
                    listed++;
                }

                return listed < limit;
            });
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"logfold: listed {listed} of {read} record(s) read from '{topic}'."));
            return 0;
        }
        finally
        {
            consumer.Close();
        }
    }

    private static int Show(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment)
    {
        var a = CliArgs.Parse(args, ShowValues, new HashSet<string>());
        var topic = a.Get("--topic") ?? Topics.DeadLetter;
        if (!int.TryParse(a.Get("--partition"), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            || !long.TryParse(a.Get("--offset"), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new CliUsageException("dlq show needs --partition P and --offset O (whole numbers).");
        }

        var connection = KafkaConnection.From(a, environment);
        var diagnostics = new KafkaDiagnostics(stderr);
        using var consumer = KafkaClients.Consumer(connection, ReaderGroup, diagnostics);
        try
        {
            var tp = new TopicPartition(topic, partition);
            var marks = consumer.QueryWatermarkOffsets(tp, connection.Timeout);
            if (offset < marks.Low.Value || offset >= marks.High.Value)
            {
                throw new KafkaCommandException(
                    $"{topic} partition {partition} holds offsets {marks.Low.Value} to {marks.High.Value - 1}; {offset} is not there.");
            }

            ConsumeResult<byte[], byte[]>? found = null;
            BoundedReader.Read(consumer, [new PartitionRange(tp, offset, offset + 1)], connection.Timeout, clock, r =>
            {
                found = r;
                return false;
            });
            if (found is null || found.Offset.Value != offset)
            {
                throw new KafkaCommandException($"No record at {topic} partition {partition} offset {offset} (a transaction marker or an aborted record).");
            }

            stdout.WriteLine($"topic: {topic}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"partition: {partition}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"offset: {offset}"));
            stdout.WriteLine($"timestamp: {CliTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(found.Message.Timestamp.UnixTimestampMs))}");
            stdout.WriteLine(DisplayBytes.Field("key", found.Message.Key));
            stdout.WriteLine("headers:");
            if (found.Message.Headers is { } headers)
            {
                foreach (var h in headers)
                {
                    stdout.WriteLine("  " + DisplayBytes.Field(DisplayBytes.SafeName(h.Key), h.GetValueBytes()));
                }
            }

            stdout.WriteLine(DisplayBytes.Field("value", found.Message.Value));
            return 0;
        }
        finally
        {
            consumer.Close();
        }
    }
}
