using Logfold.Detector;
using Logfold.Kafka.Tests.Support;
using Logfold.Normalizer;
using Logfold.Testing.Kafka;
using Microsoft.Extensions.Options;

namespace Logfold.Kafka.Tests.Hosting;

[Collection(ServiceHostGroup.Name)]
public sealed class ServiceHostTests
{
    [Fact]
    public async Task Detector_UnknownKeyInKnownSection_FailsStartNamingTheKey()
    {
        var args = StageHostRunner.Args("127.0.0.1:1", "in", "out", "dlq", "--Logfold:Stage:BatchMaxRecordz=10");
        await using var app = DetectorHost.Build(args, StageHostRunner.ServiceRoot("detector"));

        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("BatchMaxRecordz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detector_UnknownSection_FailsStartNamingTheSection()
    {
        var args = StageHostRunner.Args("127.0.0.1:1", "in", "out", "dlq", "--Logfold:Stagee:GroupId=x");
        await using var app = DetectorHost.Build(args, StageHostRunner.ServiceRoot("detector"));

        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Logfold:Stagee", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalizer_InvalidOptions_FailsStartWithValidationMessage()
    {
        var args = StageHostRunner.Args("127.0.0.1:1", "in", "out", "dlq", "--Logfold:Normalize:Timezone=Mars/Olympus");
        await using var app = NormalizerHost.Build(args, StageHostRunner.ServiceRoot("normalizer"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Mars/Olympus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detector_SameInputAndOutputTopic_FailsStart()
    {
        var args = StageHostRunner.Args("127.0.0.1:1", "same", "same", "dlq");
        await using var app = DetectorHost.Build(args, StageHostRunner.ServiceRoot("detector"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("must differ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detector_Running_ServesHealthReadyAndMetrics()
    {
        using var cluster = KafkaTestCluster.Start();
        var (raw, detected, dlq) = (KafkaTestKit.Unique("raw"), KafkaTestKit.Unique("detected"), KafkaTestKit.Unique("dlq"));
        KafkaTestKit.Produce(cluster, raw, ["Nov 24 08:00:01 app-03 sshd[812]: Accepted password for alice from 192.0.2.1 port 22 ssh2"]);
        await using var host = await StageHostRunner.StartAsync(DetectorHost.Build(StageHostRunner.Args(cluster.BootstrapServers, raw, detected, dlq), StageHostRunner.ServiceRoot("detector")));

        await host.WaitReadyAsync(TimeSpan.FromSeconds(30));
        var read = KafkaTestKit.Read(cluster, [detected], 1, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(300));
        Assert.Single(read);

        Assert.Equal(200, (await host.GetAsync("/health")).Status);
        var metrics = (await host.GetAsync("/metrics")).Body;
        Assert.Contains("logfold_records_received", metrics, StringComparison.Ordinal);
        Assert.Contains("logfold_consumer_lag", metrics, StringComparison.Ordinal);
    }
}
