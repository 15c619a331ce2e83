using System.Text;
using Confluent.Kafka;

namespace Logfold.Cli.Tests.Ops;

public sealed class DevKafkaCommandTests
{
    [Fact]
    public async Task DevKafka_Running_PrintsAddressAProducerAndConsumerCanUse()
    {
        var buffer = new StringWriter();
        var stdout = TextWriter.Synchronized(buffer);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => Commands.DevKafkaCommand.Run(["--brokers", "2"], stdout, TextWriter.Null, stop.Token));

        string? bootstrap = null;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (bootstrap is null && TimeProvider.System.GetUtcNow() < deadline && !run.IsCompleted)
        {
            await Task.Delay(100);
            string text;
            lock (stdout)
            {
                text = buffer.ToString();
            }

            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("bootstrap.servers=", StringComparison.Ordinal))
                {
                    bootstrap = line["bootstrap.servers=".Length..].Trim();
                }
            }
        }

        Assert.NotNull(bootstrap);
        Assert.Equal(2, bootstrap.Split(',').Length);
        Assert.Contains("NO DURABILITY", buffer.ToString(), StringComparison.Ordinal);

        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            await producer.ProduceAsync(new TopicPartition("dev-check", 0), new Message<Null, string> { Value = "hello" });
        }

        using (var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "dev-check" }).Build())
        {
            consumer.Assign(new TopicPartitionOffset("dev-check", 0, Offset.Beginning));
            var record = consumer.Consume(TimeSpan.FromSeconds(20));
            Assert.Equal("hello", record?.Message.Value);
            consumer.Close();
        }

        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Stopped", buffer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DevKafka_BadBrokerCount_IsUsageError()
    {
        Assert.Equal(2, CliRunner.Run(string.Empty, "dev-kafka", "--brokers", "0").ExitCode);
    }

    [Fact]
    public void Help_DescribesOperatingCommandsAndMockLimitation()
    {
        var result = CliRunner.Run(string.Empty, "help");

        Assert.Contains("logfold replay --group G", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("logfold dlq redrive", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not store consumer offsets sent inside a transaction", result.Stdout, StringComparison.Ordinal);
    }
}
