using System.Globalization;

namespace Logfold.Cli.Tests.Ops;

public sealed class ReplayCommandTests(KafkaFixture kafka) : IClassFixture<KafkaFixture>
{
    private const long T0 = 1_780_000_000_000L;

    [Fact]
    public void Replay_DryRun_PrintsPlanAndLeavesOffsets()
    {
        var (topic, group) = (kafka.Name("replay-dry"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 5);
        kafka.Commit(group, topic, 0, 5);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-earliest");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CURRENT-OFFSET", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(new[] { topic, "0", "5", "0", "0", "5" }, Row(result, topic, 0));
        Assert.Contains("Dry run", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, kafka.Committed(group, topic, 0));

        var latest = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-latest");
        Assert.Equal(new[] { topic, "0", "5", "5", "0", "5" }, Row(latest, topic, 0));
    }

    [Fact]
    public void Replay_ExecuteToEarliest_GroupMemberSeesRecordsAgain()
    {
        var (topic, group) = (kafka.Name("replay-earliest"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 4);
        kafka.Commit(group, topic, 0, 4);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--to-earliest", "--execute", "--yes");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(0, kafka.Committed(group, topic, 0));
        Assert.Equal(new[] { "v0", "v1", "v2", "v3" }, kafka.ConsumeAsMember(group, topic, 4));
    }

    [Fact]
    public void Replay_ExecuteToDatetime_StartsAtFirstRecordAtOrAfterTime()
    {
        var (topic, group) = (kafka.Name("replay-time"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 5, firstTimestampMs: T0);
        kafka.Commit(group, topic, 0, 5);
        var time = DateTimeOffset.FromUnixTimeMilliseconds(T0 + 1500).ToString("O", CultureInfo.InvariantCulture);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-datetime", time, "--execute", "--yes");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("2", Row(result, topic, 0)[3]);
        Assert.Equal(2, kafka.Committed(group, topic, 0));
        Assert.Equal(new[] { "v2", "v3", "v4" }, kafka.ConsumeAsMember(group, topic, 3));
    }

    [Fact]
    public void Replay_DatetimeAfterLastRecord_MovesToLogEnd()
    {
        var (topic, group) = (kafka.Name("replay-time-end"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 3, firstTimestampMs: T0);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-datetime", "2030-01-01T00:00:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { topic, "0", "-", "3", "0", "3" }, Row(result, topic, 0));
    }

    [Fact]
    public void Replay_ExecuteToOffset_CommitsAndClampsToLogEnd()
    {
        var (topic, group) = (kafka.Name("replay-offset"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 6);

        var exact = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-offset", "3", "--execute", "--yes");
        Assert.True(exact.ExitCode == 0, exact.Stderr);
        Assert.Equal(3, kafka.Committed(group, topic, 0));

        var beyond = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-offset", "99", "--execute", "--yes");
        Assert.True(beyond.ExitCode == 0, beyond.Stderr);
        Assert.Equal(new[] { topic, "0", "3", "6", "0", "6" }, Row(beyond, topic, 0));
        Assert.Equal(6, kafka.Committed(group, topic, 0));
    }

    [Fact]
    public void Replay_ActiveGroup_RefusesAndChangesNothing()
    {
        var (topic, group) = (kafka.Name("replay-active"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 3);
        using var member = kafka.Consumer(group);
        member.Subscribe(topic);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (member.Consume(TimeSpan.FromMilliseconds(500)) is not { IsPartitionEOF: false } && TimeProvider.System.GetUtcNow() < deadline)
        {
        }

        member.Commit([new Confluent.Kafka.TopicPartitionOffset(topic, 0, 3)]);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--to-earliest", "--execute", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("active members", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, member.Committed([new Confluent.Kafka.TopicPartition(topic, 0)], TimeSpan.FromSeconds(20))[0].Offset.Value);
        member.Close();
    }

    [Fact]
    public void Replay_ExecuteWithoutYes_AsksAndOnlyProceedsOnYes()
    {
        var (topic, group) = (kafka.Name("replay-confirm"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 2);
        kafka.Commit(group, topic, 0, 2);
        string[] args = ["replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "0", "--to-earliest", "--execute"];

        var declined = CliRunner.Run("n\n", args);
        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("[y/N]", declined.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, kafka.Committed(group, topic, 0));

        var confirmed = CliRunner.Run("yes\n", args);
        Assert.True(confirmed.ExitCode == 0, confirmed.Stderr);
        Assert.Equal(0, kafka.Committed(group, topic, 0));
    }

    [Theory]
    [InlineData("--to-earliest", "--to-latest")]
    [InlineData("--execute")]
    [InlineData("--to-offset", "-4")]
    [InlineData("--to-datetime", "yesterday")]
    public void Replay_BadTarget_IsUsageError(params string[] target)
    {
        var result = CliRunner.Run(string.Empty, ["replay", "--bootstrap-server", "127.0.0.1:1", "--group", "g", "--topic", "t", .. target]);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Replay_UnknownPartition_FailsClearly()
    {
        var (topic, group) = (kafka.Name("replay-partition"), kafka.Name("g"));
        kafka.ProduceText(topic, 0, 1);

        var result = CliRunner.Run(string.Empty, "replay", "--bootstrap-server", kafka.Bootstrap, "--group", group, "--topic", topic, "--partition", "999", "--to-earliest");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no partition 999", result.Stderr, StringComparison.Ordinal);
    }

    private static string[] Row(CliResult result, string topic, int partition)
    {
        foreach (var line in result.Lines)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 6 && cells[0] == topic && cells[1] == partition.ToString(CultureInfo.InvariantCulture))
            {
                return cells;
            }
        }

        throw new Xunit.Sdk.XunitException($"No row for {topic}/{partition} in:\n{result.Stdout}\n{result.Stderr}");
    }
}
