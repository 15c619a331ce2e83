using System.Globalization;
using Logfold.Kafka.Tests.Support;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Testing.Kafka;
using Logfold.Testing.Stages;
using ContractHeaders = Logfold.Contracts.Headers;

namespace Logfold.Kafka.Tests.Kafka;

public sealed class StageWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static List<string> Lines(int n, string tag) =>
        Enumerable.Range(0, n).Select(i => tag + " record " + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();

    private static void AssertExactlyOnce(List<string> expected, IEnumerable<string> actual)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in actual)
        {
            seen[a] = seen.GetValueOrDefault(a) + 1;
        }

        var duplicates = seen.Where(kv => kv.Value > 1).Select(kv => kv.Key).Take(5).ToList();
        var missing = expected.Where(e => !seen.ContainsKey(e)).Take(5).ToList();
        Assert.True(duplicates.Count == 0, "Duplicates: " + string.Join(" | ", duplicates));
        Assert.True(missing.Count == 0, "Missing: " + string.Join(" | ", missing));
        Assert.Equal(expected.Count, seen.Count);
    }

    /// <summary>
    /// On a cluster that hides aborted records (real Kafka): exactly once, in order. On one that does not (the
    /// mock): every input at least once, in order after removing the aborted batch's records, and any repeat
    /// is a record of the aborted batch.
    /// </summary>
    private static void AssertExactlyOnceOrAbortedRepeats(List<string> expected, List<string> actual, bool strict, List<string> abortedBatch)
    {
        if (strict)
        {
            AssertExactlyOnce(expected, actual);
            Assert.Equal(expected, actual);
            return;
        }

        var aborted = new HashSet<string>(abortedBatch, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in actual)
        {
            counts[a] = counts.GetValueOrDefault(a) + 1;
        }

        Assert.All(expected, e => Assert.True(counts.ContainsKey(e), "Missing: " + e));
        Assert.All(counts, kv => Assert.True(kv.Value == 1 || (kv.Value == 2 && aborted.Contains(kv.Key)), "Unexpected repeat: " + kv.Key));
        Assert.True(actual.Count - expected.Count <= abortedBatch.Count);
    }

    [Fact]
    public void Run_CopyStage_EveryRecordOnceInOrderAndMetricsAgree()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(1200, "copy");
        KafkaTestKit.Produce(cluster, input, lines);
        var meter = KafkaTestKit.Unique("Logfold.Copy");
        using var metrics = new MetricRecorder(meter);
        using var stageMetrics = new StageMetrics(meter, "copy");

        List<string> read;
        using (var stage = KafkaTestKit.Start(cluster, DelegateStage.Copy(), KafkaTestKit.Stage(input, output, dlq), metrics: stageMetrics))
        {
            read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout).ConvertAll(r => KafkaTestKit.Text(r.Message.Value));
            stage.Stop();
            Assert.Null(stage.Failure);
        }

        AssertExactlyOnce(lines, read);
        Assert.Equal(lines, read);
        StageCompliance.Reconcile(lines.Count, read.Count, 0, 0, metrics: metrics);
    }

    [Fact]
    public void Run_PoisonRecord_DeadLetteredWithHeadersAndPartitionKeepsFlowing()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(60, "poison");
        lines[10] = "POISON pill";
        KafkaTestKit.Produce(cluster, input, lines);
        var stage = new DelegateStage("poisoned", (in InputRecord r, IRecordOutput o) =>
        {
            var text = KafkaTestKit.Text(r.Value.ToArray());
            o.Emit(r.Key, r.Value.ToArray());
            if (text.StartsWith("POISON", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot digest");
            }
        });

        using var running = KafkaTestKit.Start(cluster, stage, KafkaTestKit.Stage(input, output, dlq));
        var all = KafkaTestKit.Read(cluster, [output, dlq], lines.Count, Timeout);
        running.Stop();

        var outs = all.Where(r => r.Topic == output).Select(r => KafkaTestKit.Text(r.Message.Value)).ToList();
        var dead = Assert.Single(all, r => r.Topic == dlq);
        Assert.Equal(lines.Where((_, i) => i != 10), outs);
        Assert.Equal("POISON pill", KafkaTestKit.Text(dead.Message.Value));
        Assert.Equal("poisoned", KafkaTestKit.Header(dead, ContractHeaders.ErrorStage));
        Assert.Equal("System", KafkaTestKit.Header(dead, ContractHeaders.ErrorCategory));
        Assert.Equal(StageErrors.ExceptionReason, KafkaTestKit.Header(dead, ContractHeaders.ErrorReason));
        Assert.Equal("System.InvalidOperationException", KafkaTestKit.Header(dead, ContractHeaders.ErrorExceptionType));
        Assert.Contains("cannot digest", KafkaTestKit.Header(dead, ContractHeaders.ErrorMessage), StringComparison.Ordinal);
        Assert.Equal(input, KafkaTestKit.Header(dead, ContractHeaders.SourceTopic));
        Assert.Equal("0", KafkaTestKit.Header(dead, ContractHeaders.SourcePartition));
        Assert.Equal("10", KafkaTestKit.Header(dead, ContractHeaders.SourceOffset));
        Assert.Equal("0", KafkaTestKit.Header(dead, ContractHeaders.RetryCount));
    }

    [Fact]
    public void Run_TransientFailures_RetriedThenSucceedOrDeadLettered()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        KafkaTestKit.Produce(cluster, input, ["ok-1", "flaky", "down", "ok-2"]);
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var stage = new DelegateStage("flaky", (in InputRecord r, IRecordOutput o) =>
        {
            var text = KafkaTestKit.Text(r.Value.ToArray());
            attempts[text] = attempts.GetValueOrDefault(text) + 1;
            if ((text == "flaky" && attempts[text] <= 2) || text == "down")
            {
                throw new TimeoutException("dependency timed out");
            }

            o.Emit(r.Key, r.Value.ToArray());
        });

        using var running = KafkaTestKit.Start(cluster, stage, KafkaTestKit.Stage(input, output, dlq));
        var all = KafkaTestKit.Read(cluster, [output, dlq], 4, Timeout);
        running.Stop();

        Assert.Equal(["ok-1", "flaky", "ok-2"], all.Where(r => r.Topic == output).Select(r => KafkaTestKit.Text(r.Message.Value)));
        var dead = Assert.Single(all, r => r.Topic == dlq);
        Assert.Equal("down", KafkaTestKit.Text(dead.Message.Value));
        Assert.Equal(StageErrors.RetriesExhaustedReason, KafkaTestKit.Header(dead, ContractHeaders.ErrorReason));
        Assert.Equal("Transient", KafkaTestKit.Header(dead, ContractHeaders.ErrorCategory));
        Assert.Equal(3, attempts["flaky"]);
        Assert.Equal(4, attempts["down"]);
    }

    [Fact]
    public void Run_CrashBetweenProduceAndCommit_RestartHasNoDuplicatesAndLosesNothing()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(1000, "crash");
        KafkaTestKit.Produce(cluster, input, lines);
        var options = KafkaTestKit.Stage(input, output, dlq, o => o.BatchMaxRecords = 200);
        var faults = new FaultInjectingClientFactory { CrashOnCommit = 2 };

        using (var crashing = KafkaTestKit.Start(cluster, DelegateStage.Copy(), options, faults))
        {
            Assert.True(crashing.WaitForExit(Timeout), "The crashing worker did not stop.");
            var fatal = Assert.IsType<StageFatalException>(crashing.Failure);
            Assert.Contains("injected crash", fatal.Message, StringComparison.Ordinal);
            Assert.NotNull(crashing.Worker.Status.FatalError);
        }

        // The first batch committed; the second was produced but never committed.
        var strict = TransactionProbe.FiltersAbortedRecords(cluster);
        var beforeRestart = KafkaTestKit.Read(cluster, [output], 200, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        Assert.Equal(lines.Take(200), beforeRestart.Take(200).Select(r => KafkaTestKit.Text(r.Message.Value)));
        if (strict)
        {
            Assert.Equal(200, beforeRestart.Count);
        }

        using (var restarted = KafkaTestKit.Start(cluster, DelegateStage.Copy(), options))
        {
            var read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout).Select(r => KafkaTestKit.Text(r.Message.Value)).ToList();
            restarted.Stop();
            Assert.Null(restarted.Failure);
            AssertExactlyOnceOrAbortedRepeats(lines, read, strict, abortedBatch: lines.GetRange(200, 200));
        }
    }

    [Fact]
    public void Run_TransactionRequiresAbort_RewindsAndRedoesBatchOnce()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(800, "abort");
        KafkaTestKit.Produce(cluster, input, lines);
        var faults = new FaultInjectingClientFactory { RequireAbortOnCommit = 2 };
        var meter = KafkaTestKit.Unique("Logfold.Abort");
        using var metrics = new MetricRecorder(meter);
        using var stageMetrics = new StageMetrics(meter, "copy");

        using var running = KafkaTestKit.Start(cluster, DelegateStage.Copy(), KafkaTestKit.Stage(input, output, dlq, o => o.BatchMaxRecords = 200), faults, stageMetrics);
        var read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout);
        running.Stop();

        Assert.Null(running.Failure);
        var texts = read.Select(r => KafkaTestKit.Text(r.Message.Value)).ToList();
        var strict = TransactionProbe.FiltersAbortedRecords(cluster);
        AssertExactlyOnceOrAbortedRepeats(lines, texts, strict, abortedBatch: lines.GetRange(200, 200));
        Assert.Equal(1, metrics.Total("logfold.errors", "error_type", "transaction_abort"));
        // Metrics count committed work only: the aborted batch is not counted twice.
        StageCompliance.Reconcile(lines.Count, lines.Count, 0, 0, metrics: metrics);
    }

    [Fact]
    public void Run_GracefulStopMidStream_RestartContinuesWithoutDuplicates()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(3000, "stop");
        KafkaTestKit.Produce(cluster, input, lines);
        var options = KafkaTestKit.Stage(input, output, dlq, o => o.BatchMaxRecords = 100);
        var slow = new DelegateStage("slow", (in InputRecord r, IRecordOutput o) =>
        {
            Thread.SpinWait(20_000);
            o.Emit(r.Key, r.Value.ToArray());
        });

        using (var first = KafkaTestKit.Start(cluster, slow, options))
        {
            KafkaTestKit.Read(cluster, [output], 300, Timeout, TimeSpan.Zero);
            first.Stop();
            Assert.Null(first.Failure);
        }

        using var second = KafkaTestKit.Start(cluster, DelegateStage.Copy(), options);
        var read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout);
        second.Stop();
        AssertExactlyOnce(lines, read.Select(r => KafkaTestKit.Text(r.Message.Value)));
    }

    [Fact]
    public void Run_AtLeastOnceMode_DeliversEverythingAndCommitsOffsets()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(700, "alo");
        KafkaTestKit.Produce(cluster, input, lines);
        var options = KafkaTestKit.Stage(input, output, dlq, o => o.DeliveryMode = DeliveryMode.AtLeastOnce);

        using (var running = KafkaTestKit.Start(cluster, DelegateStage.Copy(), options))
        {
            var read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout);
            running.Stop();
            Assert.Null(running.Failure);
            Assert.Equal(lines, read.Select(r => KafkaTestKit.Text(r.Message.Value)));
        }

        // A restart resumes after the committed offsets: nothing is produced again.
        KafkaTestKit.Produce(cluster, input, ["alo tail"]);
        using (var again = KafkaTestKit.Start(cluster, DelegateStage.Copy(), options))
        {
            var read = KafkaTestKit.Read(cluster, [output], lines.Count + 1, Timeout);
            again.Stop();
            Assert.Equal([.. lines, "alo tail"], read.Select(r => KafkaTestKit.Text(r.Message.Value)));
        }
    }

    [Fact]
    public void Run_ProducerQueueFull_BacksOffAndDropsNothing()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        var lines = Lines(900, "full");
        KafkaTestKit.Produce(cluster, input, lines);
        var faults = new FaultInjectingClientFactory { QueueFullEvery = 5 };
        var meter = KafkaTestKit.Unique("Logfold.Full");
        using var metrics = new MetricRecorder(meter);
        using var stageMetrics = new StageMetrics(meter, "copy");

        using var running = KafkaTestKit.Start(cluster, DelegateStage.Copy(), KafkaTestKit.Stage(input, output, dlq), faults, stageMetrics);
        var read = KafkaTestKit.Read(cluster, [output], lines.Count, Timeout);
        running.Stop();

        Assert.Equal(lines, read.Select(r => KafkaTestKit.Text(r.Message.Value)));
        Assert.True(faults.QueueFullInjected > 100);
        Assert.Equal(faults.QueueFullInjected, metrics.Total("logfold.errors", "error_type", "queue_full"));
    }

    [Fact]
    public void Run_ConfigFailure_StopsWithClearMessageAndCommitsNothingForIt()
    {
        using var cluster = KafkaTestCluster.Start();
        var (input, output, dlq) = (KafkaTestKit.Unique("in"), KafkaTestKit.Unique("out"), KafkaTestKit.Unique("dlq"));
        KafkaTestKit.Produce(cluster, input, ["fine", "needs-config"]);
        var stage = new DelegateStage("configured", (in InputRecord r, IRecordOutput o) =>
        {
            if (KafkaTestKit.Text(r.Value.ToArray()) == "needs-config")
            {
                throw new StageException(ErrorCategory.Config, "missing_rule", "No mapping rule named 'x'.");
            }

            o.Emit(r.Key, r.Value.ToArray());
        });

        using var running = KafkaTestKit.Start(cluster, stage, KafkaTestKit.Stage(input, output, dlq, o => o.BatchMaxMs = 5_000));
        Assert.True(running.WaitForExit(Timeout));

        var fatal = Assert.IsType<StageFatalException>(running.Failure);
        Assert.Contains("No mapping rule named 'x'", fatal.Message, StringComparison.Ordinal);
        var read = KafkaTestKit.Read(cluster, [output, dlq], 0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(read, r => r.Topic == dlq || KafkaTestKit.Text(r.Message.Value) == "needs-config");
        if (TransactionProbe.FiltersAbortedRecords(cluster))
        {
            // The batch holding "fine" was aborted.
            Assert.Empty(read);
        }
    }
}
