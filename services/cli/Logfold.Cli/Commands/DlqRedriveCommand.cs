using System.Collections;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Logfold.Cli.Kafka;
using Logfold.Contracts;
using LogfoldHeaders = Logfold.Contracts.Headers;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold dlq redrive</c>: sends matching DLQ records back to the topic and partition they failed on, with
/// their original key and value, their original headers (the <c>logfold.error.*</c> and <c>logfold.source.*</c>
/// context dropped) and <c>logfold.retry.count</c> one higher. The stages copy the retry count into any new DLQ
/// record, so a record that fails again comes back with a higher count, and <c>--max-retries</c> stops loops.
/// Reading is bounded by the log end when the command starts, so it terminates. Progress is the redrive group's
/// committed offsets, committed only after every send was acknowledged (at-least-once: a failed run may resend).
/// </summary>
internal static class DlqRedriveCommand
{
    public const string DefaultGroup = "logfold-dlq-redrive";

    /// <summary>The dry-run listing stops after this many matches; the counts cover all of them.</summary>
    public const int MaxListed = 50;

    private static readonly HashSet<string> ValueOptions =
        ["--topic", "--group", "--max-retries", .. DlqFilter.ValueOptions, .. KafkaConnection.ValueOptions];

    private static readonly HashSet<string> FlagOptions = ["--execute", "--yes", "--from-beginning"];

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment)
    {
        var a = CliArgs.Parse(args, ValueOptions, FlagOptions);
        var topic = a.Get("--topic") ?? Topics.DeadLetter;
        var group = a.Get("--group") ?? DefaultGroup;
        var filter = DlqFilter.From(a, clock);
        var maxRetries = int.MaxValue;
        if (a.Get("--max-retries") is { } m && !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out maxRetries))
        {
            throw new CliUsageException("--max-retries must be a whole number.");
        }

        var connection = KafkaConnection.From(a, environment);
        var diagnostics = new KafkaDiagnostics(stderr);
        using var admin = KafkaClients.Admin(connection, diagnostics);
        var partitions = KafkaClients.Partitions(admin, topic, connection.Timeout);
        if (a.Has("--execute"))
        {
            GroupMembership.EnsureInactive(admin, group, connection.Timeout);
        }

        using var consumer = KafkaClients.Consumer(connection, group, diagnostics);
        try
        {
            Dictionary<TopicPartition, long>? committed = null;
            if (!a.Has("--from-beginning"))
            {
                var tps = partitions.ConvertAll(p => new TopicPartition(topic, p));
                committed = [];
                foreach (var c in consumer.Committed(tps, connection.Timeout))
                {
                    committed[c.TopicPartition] = c.Offset.Value;
                }
            }

            var ranges = DlqRanges.Plan(consumer, topic, partitions, committed, filter.Since, connection.Timeout, clock);
            var targets = new TargetPartitions(admin, connection.Timeout);

            // Pass 1: decide, print and count; nothing is sent.
            var plan = new RedriveCounts();
            BoundedReader.Read(consumer, ranges, connection.Timeout, clock, result =>
            {
                Decide(DlqRecord.From(result), filter, maxRetries, targets, plan, stdout, print: true);
                return true;
            });
            stdout.WriteLine(plan.Summary(sent: false));
            if (!a.Has("--execute"))
            {
                stdout.WriteLine("Dry run: nothing sent. Re-run with --execute to redrive.");
                return 0;
            }

            if (plan.ToSend == 0)
            {
                Commit(consumer, group, ranges);
                stdout.WriteLine("Nothing to redrive.");
                return 0;
            }

            if (!a.Has("--yes") && !ReplayCommand.Confirm(stdin, stdout, string.Create(CultureInfo.InvariantCulture, $"Send {plan.ToSend} record(s) back to their source topics? [y/N] ")))
            {
                stderr.WriteLine("logfold: not confirmed; nothing sent.");
                return 1;
            }

            // Pass 2: the same bounded ranges, now sent.
            var run = new RedriveCounts();
            using var producer = KafkaClients.Producer(connection, diagnostics);
            var failures = new List<string>();
            BoundedReader.Read(consumer, ranges, connection.Timeout, clock, result =>
            {
                var record = DlqRecord.From(result);
                if (Decide(record, filter, maxRetries, targets, run, stdout, print: false) is { } destination)
                {
                    Send(producer, record, destination, run, failures);
                }

                return true;
            });
            producer.Flush(connection.Timeout);
            stdout.WriteLine(run.Summary(sent: true));
            if (run.Failed > 0 || run.Sent != run.ToSend)
            {
                foreach (var f in failures)
                {
                    stderr.WriteLine("logfold: " + f);
                }

                stderr.WriteLine($"logfold: {run.ToSend - run.Sent} record(s) not acknowledged; group '{group}' not advanced, so a re-run resends (duplicates possible).");
                return 1;
            }

            Commit(consumer, group, ranges);
            return 0;
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>The headers to send: the original ones without DLQ context, with the retry count one higher.</summary>
    internal static Confluent.Kafka.Headers RedriveHeaders(Confluent.Kafka.Headers? original, int retryCount)
    {
        var headers = new Confluent.Kafka.Headers();
        if (original is not null)
        {
            foreach (var h in original)
            {
                if (!h.Key.StartsWith("logfold.error.", StringComparison.Ordinal)
                    && !h.Key.StartsWith("logfold.source.", StringComparison.Ordinal)
                    && h.Key != LogfoldHeaders.RetryCount)
                {
                    headers.Add(h.Key, h.GetValueBytes());
                }
            }
        }

        headers.Add(LogfoldHeaders.RetryCount, Encoding.ASCII.GetBytes((retryCount + 1).ToString(CultureInfo.InvariantCulture)));
        return headers;
    }

    private static TopicPartition? Decide(DlqRecord record, DlqFilter filter, int maxRetries, TargetPartitions targets, RedriveCounts counts, TextWriter stdout, bool print)
    {
        counts.Read++;
        if (!filter.Matches(record))
        {
            return null;
        }

        counts.Matched++;
        string? skip = null;
        TopicPartition? destination = null;
        if (record.SourceTopic is null)
        {
            skip = "no_source_topic";
        }
        else if (record.RetryCount is not { } retries)
        {
            skip = "invalid_retry_count";
        }
        else if (retries >= maxRetries)
        {
            skip = "max_retries";
        }
        else if (!targets.Exists(record.SourceTopic, out var count))
        {
            skip = "unknown_source_topic";
        }
        else
        {
            destination = record.SourcePartition is { } p && p < count
                ? new TopicPartition(record.SourceTopic, p)
                : new TopicPartition(record.SourceTopic, Partition.Any);
        }

        if (skip is not null)
        {
            counts.Skip(skip);
        }
        else
        {
            counts.ToSend++;
        }

        if (print && counts.Matched <= MaxListed)
        {
            stdout.WriteLine((skip is null ? "redrive " : "skip(" + skip + ") ") + record.Describe());
        }
        else if (print && counts.Matched == MaxListed + 1)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(only the first {MaxListed} matches are listed; `logfold dlq list` shows all)"));
        }

        return destination;
    }

    private static void Send(IProducer<byte[], byte[]> producer, DlqRecord record, TopicPartition destination, RedriveCounts counts, List<string> failures)
    {
        var message = new Message<byte[], byte[]>
        {
            Key = record.Result.Message.Key,
            Value = record.Result.Message.Value,
            Headers = RedriveHeaders(record.Result.Message.Headers, record.RetryCount ?? 0),
        };
        var where = string.Create(CultureInfo.InvariantCulture, $"p{record.Partition}@{record.Offset}");
        while (true)
        {
            try
            {
                producer.Produce(destination, message, report =>
                {
                    lock (counts)
                    {
                        if (report.Error.IsError)
                        {
                            counts.Failed++;
                            failures.Add($"{where}: {report.Error.Reason}");
                        }
                        else
                        {
                            counts.Sent++;
                        }
                    }
                });
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static void Commit(IConsumer<byte[], byte[]> consumer, string group, List<PartitionRange> ranges)
    {
        var offsets = new List<TopicPartitionOffset>();
        foreach (var r in ranges)
        {
            if (!r.IsEmpty)
            {
                offsets.Add(new TopicPartitionOffset(r.Partition, r.End));
            }
        }

        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
        }
        catch (KafkaException ex) when (GroupMembership.IsActiveGroupError(ex.Error.Code))
        {
            throw GroupMembership.ActiveMembers(group, "the broker refused the commit: " + ex.Error.Reason);
        }
    }
}
