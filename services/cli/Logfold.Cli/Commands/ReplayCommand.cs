using System.Collections;
using System.Globalization;
using Confluent.Kafka;
using Logfold.Cli.Kafka;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold replay</c>: resets a stopped consumer group's committed offsets on a topic (all partitions or
/// some), like <c>kafka-consumer-groups --reset-offsets</c>. Always prints the plan first; changes nothing
/// without <c>--execute</c>; asks on stdin unless <c>--yes</c>; refuses a group with active members.
/// The new offsets are committed by a consumer in that group that never joins it (a plain OffsetCommit).
/// </summary>
internal static class ReplayCommand
{
    public const string Usage = """
        logfold replay --group G --topic T [--partition P[,P...]]
                       (--to-offset N | --to-datetime TIME | --to-earliest | --to-latest)
                       [--execute] [--yes] [--bootstrap-server HOST:PORT] [--command-config FILE] [--timeout SECONDS]
          Resets group G's offsets on topic T. Prints TOPIC PARTITION CURRENT-OFFSET NEW-OFFSET first (a dry run);
          --execute applies it after a y/N prompt (--yes skips the prompt). The group must have no active members.
          --to-offset is clamped to each partition's [log-start, log-end]; --to-datetime picks the first record at
          or after TIME (ISO 8601 or a duration ago such as 6h), or the log end when there is none.
        """;

    private static readonly HashSet<string> ValueOptions =
        ["--group", "--topic", "--partition", "--to-offset", "--to-datetime", .. KafkaConnection.ValueOptions];

    private static readonly HashSet<string> FlagOptions = ["--to-earliest", "--to-latest", "--execute", "--yes"];

    private static readonly string[] TableHeader = ["TOPIC", "PARTITION", "CURRENT-OFFSET", "NEW-OFFSET", "LOG-START", "LOG-END"];

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment) =>
        KafkaCommand.Guard(stderr, () => Execute(args, stdin, stdout, stderr, clock, environment));

    private static int Execute(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, IDictionary environment)
    {
        var a = CliArgs.Parse(args, ValueOptions, FlagOptions);
        var group = a.Get("--group") ?? throw new CliUsageException("replay needs --group.");
        var topic = a.Get("--topic") ?? throw new CliUsageException("replay needs --topic.");
        var target = ParseTarget(a, clock);
        var only = ParsePartitions(a.Get("--partition"));
        var connection = KafkaConnection.From(a, environment);
        var diagnostics = new KafkaDiagnostics(stderr);

        using var admin = KafkaClients.Admin(connection, diagnostics);
        var partitions = SelectPartitions(KafkaClients.Partitions(admin, topic, connection.Timeout), only, topic);
        var described = GroupMembership.EnsureInactive(admin, group, connection.Timeout);
        if (!described)
        {
            stderr.WriteLine("logfold: note: this cluster cannot describe consumer groups; the commit is refused by the broker if the group has active members.");
        }

        using var consumer = KafkaClients.Consumer(connection, group, diagnostics);
        try
        {
            var tps = new List<TopicPartition>(partitions.Count);
            var marks = new Dictionary<TopicPartition, WatermarkOffsets>();
            foreach (var p in partitions)
            {
                var tp = new TopicPartition(topic, p);
                tps.Add(tp);
                marks[tp] = consumer.QueryWatermarkOffsets(tp, connection.Timeout);
            }

            var current = new Dictionary<TopicPartition, long>();
            foreach (var c in consumer.Committed(tps, connection.Timeout))
            {
                current[c.TopicPartition] = c.Offset.Value;
            }

            var plan = Plan(consumer, tps, marks, target, connection.Timeout, clock);
            WriteTable(stdout, tps, current, plan, marks);

            if (!a.Has("--execute"))
            {
                stdout.WriteLine($"Dry run: nothing changed. Re-run with --execute to reset group '{group}'.");
                return 0;
            }

            if (!a.Has("--yes") && !Confirm(stdin, stdout, $"Reset the offsets of group '{group}' on {tps.Count} partition(s) of '{topic}'? [y/N] "))
            {
                stderr.WriteLine("logfold: not confirmed; nothing changed.");
                return 1;
            }

            Commit(consumer, group, tps, plan);
            Verify(consumer, group, tps, plan, connection.Timeout);
            stdout.WriteLine($"Reset group '{group}' on {tps.Count} partition(s) of '{topic}'.");
            return 0;
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>Reads a y/yes answer; anything else (or end of input) is a no.</summary>
    internal static bool Confirm(TextReader stdin, TextWriter stdout, string question)
    {
        stdout.Write(question);
        stdout.Flush();
        var answer = stdin.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private static ReplayTarget ParseTarget(CliArgs a, TimeProvider clock)
    {
        var chosen = 0;
        ReplayTarget target = default;
        if (a.Get("--to-offset") is { } offset)
        {
            chosen++;
            if (!long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                throw new CliUsageException("--to-offset must be a non-negative whole number.");
            }

            target = new ReplayTarget(ReplayTargetKind.Offset, n, default);
        }

        if (a.Get("--to-datetime") is { } time)
        {
            chosen++;
            target = new ReplayTarget(ReplayTargetKind.Time, 0, CliTime.Parse(time, "--to-datetime", clock));
        }

        if (a.Has("--to-earliest"))
        {
            chosen++;
            target = new ReplayTarget(ReplayTargetKind.Earliest, 0, default);
        }

        if (a.Has("--to-latest"))
        {
            chosen++;
            target = new ReplayTarget(ReplayTargetKind.Latest, 0, default);
        }

        return chosen == 1
            ? target
            : throw new CliUsageException("replay needs exactly one of --to-offset, --to-datetime, --to-earliest, --to-latest.");
    }

    private static HashSet<int>? ParsePartitions(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var set = new HashSet<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                throw new CliUsageException($"--partition '{value}' is not a partition number or a comma-separated list.");
            }

            set.Add(p);
        }

        return set;
    }

    private static List<int> SelectPartitions(List<int> all, HashSet<int>? only, string topic)
    {
        if (only is null)
        {
            return all;
        }

        foreach (var p in only)
        {
            if (!all.Contains(p))
            {
                throw new KafkaCommandException($"Topic '{topic}' has no partition {p} (it has {all.Count}).");
            }
        }

        return all.FindAll(only.Contains);
    }

    private static Dictionary<TopicPartition, long> Plan(
        IConsumer<byte[], byte[]> consumer,
        List<TopicPartition> tps,
        Dictionary<TopicPartition, WatermarkOffsets> marks,
        ReplayTarget target,
        TimeSpan timeout,
        TimeProvider clock)
    {
        if (target.Kind == ReplayTargetKind.Time)
        {
            return TimestampOffsets.Resolve(consumer, tps, marks, target.Time, timeout, clock);
        }

        var plan = new Dictionary<TopicPartition, long>();
        foreach (var tp in tps)
        {
            var m = marks[tp];
            plan[tp] = target.Kind switch
            {
                ReplayTargetKind.Earliest => m.Low.Value,
                ReplayTargetKind.Latest => m.High.Value,
                _ => Math.Clamp(target.Offset, m.Low.Value, Math.Max(m.Low.Value, m.High.Value)),
            };
        }

        return plan;
    }

    private static void WriteTable(
        TextWriter stdout,
        List<TopicPartition> tps,
        Dictionary<TopicPartition, long> current,
        Dictionary<TopicPartition, long> plan,
        Dictionary<TopicPartition, WatermarkOffsets> marks)
    {
        var rows = new List<string[]>(tps.Count + 1) { TableHeader };
        foreach (var tp in tps)
        {
            var now = current.TryGetValue(tp, out var c) && c >= 0 ? c.ToString(CultureInfo.InvariantCulture) : "-";
            rows.Add([
                tp.Topic,
                tp.Partition.Value.ToString(CultureInfo.InvariantCulture),
                now,
                plan[tp].ToString(CultureInfo.InvariantCulture),
                marks[tp].Low.Value.ToString(CultureInfo.InvariantCulture),
                marks[tp].High.Value.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = new string[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                cells[i] = row[i].PadRight(widths[i]);
            }

            stdout.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static void Commit(IConsumer<byte[], byte[]> consumer, string group, List<TopicPartition> tps, Dictionary<TopicPartition, long> plan)
    {
        var offsets = new List<TopicPartitionOffset>(tps.Count);
        foreach (var tp in tps)
        {
            offsets.Add(new TopicPartitionOffset(tp, plan[tp]));
        }

        try
        {
            consumer.Commit(offsets);
        }
        catch (TopicPartitionOffsetException ex)
        {
            foreach (var r in ex.Results)
            {
                if (GroupMembership.IsActiveGroupError(r.Error.Code))
                {
                    throw GroupMembership.ActiveMembers(group, "the broker refused the commit: " + r.Error.Reason);
                }
            }

            throw;
        }
        catch (KafkaException ex) when (GroupMembership.IsActiveGroupError(ex.Error.Code))
        {
            throw GroupMembership.ActiveMembers(group, "the broker refused the commit: " + ex.Error.Reason);
        }
    }

    private static void Verify(IConsumer<byte[], byte[]> consumer, string group, List<TopicPartition> tps, Dictionary<TopicPartition, long> plan, TimeSpan timeout)
    {
        foreach (var c in consumer.Committed(tps, timeout))
        {
            if (c.Offset.Value != plan[c.TopicPartition])
            {
                throw new KafkaCommandException(
                    $"Group '{group}' reads back offset {c.Offset.Value} on {c.TopicPartition}, not {plan[c.TopicPartition]}; check the group and retry.");
            }
        }
    }
}
