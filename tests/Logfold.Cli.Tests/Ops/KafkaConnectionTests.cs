using System.Collections;
using Logfold.Cli.Kafka;

namespace Logfold.Cli.Tests.Ops;

public sealed class KafkaConnectionTests
{
    private static readonly HashSet<string> Values = [.. KafkaConnection.ValueOptions];

    [Fact]
    public void From_EnvironmentFileAndFlag_FlagWinsThenFileThenEnvironment()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# TLS\nsecurity.protocol = SASL_SSL\n! comment\n\nsasl.jaas.like=a=b\nbootstrap.servers=file:9092\n");
            var env = new Hashtable
            {
                ["LOGFOLD_KAFKA_BOOTSTRAP_SERVERS"] = "env:9092",
                ["LOGFOLD_KAFKA_SASL_PASSWORD"] = "s3cret",
                ["LOGFOLD_KAFKA_SECURITY_PROTOCOL"] = "PLAINTEXT",
                ["OTHER"] = "x",
            };

            var fromFile = KafkaConnection.From(CliArgs.Parse(["--command-config", file], Values, new HashSet<string>()), env);
            var fromFlag = KafkaConnection.From(CliArgs.Parse(["--command-config", file, "--bootstrap-server", "flag:9092", "--timeout", "5"], Values, new HashSet<string>()), env);

            Assert.Equal("file:9092", fromFile.BootstrapServers);
            Assert.Equal("SASL_SSL", fromFile.Properties["security.protocol"]);
            Assert.Equal("a=b", fromFile.Properties["sasl.jaas.like"]);
            Assert.Equal("s3cret", fromFile.Properties["sasl.password"]);
            Assert.False(fromFile.Properties.ContainsKey("other"));
            Assert.Equal("flag:9092", fromFlag.BootstrapServers);
            Assert.Equal(TimeSpan.FromSeconds(5), fromFlag.Timeout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FromEnvironment_DoubleUnderscore_IsLiteralUnderscore()
    {
        var properties = KafkaConnection.FromEnvironment(new Hashtable { ["LOGFOLD_KAFKA_SSL_CA_LOCATION"] = "/ca.pem", ["LOGFOLD_KAFKA_SOME__ODD_KEY"] = "1" });

        Assert.Equal("/ca.pem", properties["ssl.ca.location"]);
        Assert.Equal("1", properties["some_odd.key"]);
    }

    [Fact]
    public void From_NoAddress_IsUsageError()
    {
        Assert.Throws<CliUsageException>(() => KafkaConnection.From(CliArgs.Parse([], Values, new HashSet<string>()), new Hashtable()));
    }

    [Fact]
    public void Parse_LineWithoutEquals_ReportsLine()
    {
        var ex = Assert.Throws<CliUsageException>(() => CommandConfigFile.Parse(new StringReader("a=1\nnot a property\n"), "client.properties"));

        Assert.Contains("client.properties:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_ForGroup_NeverAutoCommitsAndReadsCommittedOnly()
    {
        var connection = KafkaConnection.From(CliArgs.Parse(["--bootstrap-server", "h:1"], Values, new HashSet<string>()), new Hashtable());

        var config = connection.Consumer("g");

        Assert.Equal("g", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.Equal(Confluent.Kafka.IsolationLevel.ReadCommitted, config.IsolationLevel);
        Assert.True(connection.Producer().EnableIdempotence);
    }

    [Fact]
    public void KafkaDiagnostics_RepeatedAndManyErrors_PrintedOnceAndCapped()
    {
        var err = new StringWriter();
        var diagnostics = new KafkaDiagnostics(err);

        diagnostics.Error(new Confluent.Kafka.Error(Confluent.Kafka.ErrorCode.Local_Transport, "h:1: Connect failed (after 0ms in state CONNECT)"));
        diagnostics.Error(new Confluent.Kafka.Error(Confluent.Kafka.ErrorCode.Local_Transport, "h:1: Connect failed (after 12ms in state CONNECT, 3 identical error(s) suppressed)"));
        for (var i = 0; i < 10; i++)
        {
            diagnostics.Error(new Confluent.Kafka.Error(Confluent.Kafka.ErrorCode.Local_Transport, "distinct " + i));
        }

        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(KafkaDiagnostics.MaxLines + 1, lines.Length);
        Assert.Equal("kafka: error: h:1: Connect failed (after 0ms in state CONNECT)", lines[0]);
        Assert.Equal("kafka: (further client errors not shown)", lines[^1]);
    }

    [Theory]
    [InlineData("15m", "2026-12-03T11:45:00.000Z")]
    [InlineData("2d", "2026-12-01T12:00:00.000Z")]
    [InlineData("2026-12-01T08:00:00+02:00", "2026-12-01T06:00:00.000Z")]
    [InlineData("2026-12-01T08:00:00", "2026-12-01T08:00:00.000Z")]
    public void CliTimeParse_IsoOrDurationAgo_ResolvesToUtc(string value, string expected)
    {
        var clock = new Logfold.Testing.FixedTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, CliTime.Format(CliTime.Parse(value, "--since", clock)));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("5w")]
    [InlineData("-3h")]
    public void CliTimeParse_Garbage_IsUsageError(string value)
    {
        Assert.Throws<CliUsageException>(() => CliTime.Parse(value, "--since", TimeProvider.System));
    }
}
