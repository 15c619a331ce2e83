using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Logfold.Contracts;
using Logfold.Kafka;
using Logfold.Testing.Kafka;
using Logfold.Testing.Stages;
using Microsoft.Extensions.Logging;

namespace Logfold.LoadTest;

/// <summary>
/// One load run: starts the stage workers in-process (each on its own thread with its own consumer and producer,
/// as separate services would run), sends the raw events, reads the last topic and the DLQ with read_committed,
/// and measures throughput, latency, CPU and reconciliation.
/// </summary>
internal sealed class LoadRunner(LoadArgs args, ILoggerFactory loggers, TextWriter progress)
{
    private static readonly string[] TopicChain = [Topics.Raw, Topics.Detected, Topics.Normalized, Topics.Enriched];

    private readonly TimeProvider _time = TimeProvider.System;

    public LoadResult Run()
    {
        var events = Workload.Load(args);
        long inputBytes = 0;
        foreach (var e in events)
        {
            inputBytes += e.Length;
        }

        progress.WriteLine($"workload: {events.Count} events, {inputBytes / 1e6:F1} MB");
        using var cluster = args.BootstrapServers is null ? KafkaTestCluster.Start() : null;
        var bootstrap = args.BootstrapServers ?? cluster!.BootstrapServers;
        var clusterKind = cluster is { IsMock: true } ? "librdkafka mock cluster (in-process)" : "external (" + bootstrap + ")";
        progress.WriteLine($"cluster: {clusterKind}");

        var run = "load-" + Guid.NewGuid().ToString("N")[..8];
        var topics = new string[args.Stages.Count + 1];
        for (var i = 0; i < topics.Length; i++)
        {
            topics[i] = run + "." + TopicChain[i];
        }

        var dlq = run + "." + Topics.DeadLetter;
        if (args.Partitions > 0)
        {
            CreateTopics(bootstrap, [.. topics, dlq], args.Partitions);
        }
        else
        {
            TouchTopics(bootstrap, [.. topics, dlq]);
        }

        using var parts = PipelineParts.Create(args, topics);
        var kafka = new KafkaOptions { BootstrapServers = bootstrap };
        kafka.Settings["allow.auto.create.topics"] = "true";

        var threads = new List<StageThread>();
        var recorders = new List<MetricRecorder>();
        var metrics = new List<StageMetrics>();
        try
        {
            for (var i = 0; i < args.Stages.Count; i++)
            {
                var name = args.Stages[i];
                var traced = new TracedStage(args.Stub ? new PassthroughStage(name) : parts.CreateStage(name));
                var options = new StageOptions
                {
                    InputTopic = topics[i],
                    OutputTopic = topics[i + 1],
                    DeadLetterTopic = dlq,
                    GroupId = run + "-" + name,
                    InstanceId = "load-0",
                    DeliveryMode = args.Mode,
                    BatchMaxRecords = args.BatchRecords,
                    BatchMaxMs = args.BatchMs,
                };
                var meterName = "Logfold.LoadTest." + name + "." + run;
                recorders.Add(new MetricRecorder(meterName));
                var stageMetrics = new StageMetrics(meterName, name);
                metrics.Add(stageMetrics);
                var worker = new StageWorker(traced, options, kafka, new KafkaClientFactory(), stageMetrics, _time, loggers.CreateLogger("stage." + name));
                threads.Add(new StageThread(name, worker, traced));
            }

            foreach (var t in threads)
            {
                t.Start();
            }

            using var reader = new OutputReader(bootstrap, topics[^1], dlq, events.Count, run + "-reader", _time);
            WaitForAssignment(threads, reader);

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var groupsBefore = ThreadCpu.ByGroup();
            var gcBefore = GC.GetTotalPauseDuration();
            var allocBefore = GC.GetTotalAllocatedBytes(precise: false);

            using var producer = new RawProducer(bootstrap, topics[0], events, args.Window, args.Rate, _time);
            producer.Start();
            string? failure = Drain(reader, producer, threads, recorders, events.Count);

            var wallTicks = reader.LastArrival > producer.FirstSent ? reader.LastArrival - producer.FirstSent : 0;
            var cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
            var groupsAfter = ThreadCpu.ByGroup();
            var gcPause = GC.GetTotalPauseDuration() - gcBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocBefore;

            foreach (var t in threads)
            {
                t.Stop();
                if (t.Failure is not null)
                {
                    failure ??= $"stage {t.Name} failed: {t.Failure.Message}";
                }
            }

            var stageResults = new List<StageResult>();
            long filtered = 0;
            for (var i = 0; i < threads.Count; i++)
            {
                var r = recorders[i];
                var t = threads[i];
                filtered += r.Total("logfold.records.filtered");
                stageResults.Add(new StageResult(
                    t.Name,
                    r.Total("logfold.records.received"),
                    r.Total("logfold.records.sent"),
                    r.Total("logfold.records.dead_lettered"),
                    r.Total("logfold.records.filtered"),
                    t.CpuSeconds,
                    t.Traced!.ProcessSeconds,
                    t.Traced.ProcessCpuSeconds,
                    t.Traced.ActiveSeconds));
            }

            var cpuGroups = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (group, after) in groupsAfter)
            {
                var delta = after - (groupsBefore.TryGetValue(group, out var b) ? b : 0);
                if (delta > 0)
                {
                    cpuGroups[group] = delta;
                }
            }

            // Stage loop threads are read when they stop (after their final commit), not at the snapshot.
            foreach (var s in stageResults)
            {
                cpuGroups["stage-" + s.Stage] = s.LoopCpuSeconds;
            }

            var missing = events.Count - reader.Distinct - filtered;
            return new LoadResult
            {
                Cluster = clusterKind,
                Format = parts.Format + (parts.Format == "avro" ? " (" + parts.Registry + ")" : ""),
                Enrichers = parts.EnricherNames,
                Mode = args.Mode == DeliveryMode.ExactlyOnce ? "eos" : "alo",
                Stages = args.Stages,
                Stub = args.Stub,
                Window = args.Window,
                Rate = args.Rate,
                BatchRecords = args.BatchRecords,
                BatchMs = args.BatchMs,
                Events = events.Count,
                InputBytes = inputBytes,
                WallSeconds = (double)wallTicks / _time.TimestampFrequency,
                Outputs = reader.Outputs,
                DeadLettered = reader.DeadLettered,
                Filtered = filtered,
                Duplicates = reader.Duplicates,
                SendFailures = producer.DeliveryErrors,
                Missing = missing,
                MissingSample = missing > 0 ? reader.Missing(10) : [],
                DlqReasons = reader.DlqReasons,
                LatencyMs = reader.LatencyPercentilesMs(),
                ProcessCpuSeconds = (cpuAfter - cpuBefore).TotalSeconds,
                CpuByThreadGroup = cpuGroups,
                GcPauseSeconds = gcPause.TotalSeconds,
                AllocatedBytes = allocated,
                StageResults = stageResults,
                Failure = failure ?? (producer.Failure is { } pf ? "producer failed: " + pf.Message : null),
                Probe = args.Stub ? [] : SerdesProbe.Run(parts, args.Stages, events, Math.Min(events.Count, 20_000)),
            };
        }
        finally
        {
            foreach (var t in threads)
            {
                t.Dispose();
            }

            foreach (var r in recorders)
            {
                r.Dispose();
            }

            foreach (var m in metrics)
            {
                m.Dispose();
            }
        }
    }

    private string? Drain(OutputReader reader, RawProducer producer, List<StageThread> threads, List<MetricRecorder> recorders, int expected)
    {
        var timeout = TimeSpan.FromSeconds(args.TimeoutSeconds);
        var lastProgress = _time.GetTimestamp();
        var lastReport = lastProgress;
        var lastDistinct = 0L;
        while (true)
        {
            reader.Poll(TimeSpan.FromMilliseconds(50), producer.Completed);
            var now = _time.GetTimestamp();
            if (reader.Distinct != lastDistinct)
            {
                lastDistinct = reader.Distinct;
                lastProgress = now;
            }

            long filtered = 0;
            foreach (var r in recorders)
            {
                filtered += r.Total("logfold.records.filtered");
            }

            if (reader.Distinct + filtered >= expected)
            {
                // Keep reading briefly: a duplicate would arrive now.
                var settle = _time.GetTimestamp();
                while (_time.GetElapsedTime(settle) < TimeSpan.FromSeconds(1))
                {
                    reader.Poll(TimeSpan.FromMilliseconds(50), producer.Completed);
                }

                return null;
            }

            if (_time.GetElapsedTime(lastReport, now) >= TimeSpan.FromSeconds(5))
            {
                lastReport = now;
                progress.WriteLine($"  sent {producer.Sent}, arrived {reader.Distinct} (+{filtered} filtered) of {expected}");
            }

            foreach (var t in threads)
            {
                if (!t.IsRunning)
                {
                    return $"stage {t.Name} stopped: {t.Failure?.Message ?? "(no error)"}";
                }
            }

            if (_time.GetElapsedTime(lastProgress, now) > timeout)
            {
                return $"no progress for {args.TimeoutSeconds} s: {reader.Distinct + filtered} of {expected} arrived";
            }
        }
    }

    private void WaitForAssignment(List<StageThread> threads, OutputReader reader)
    {
        var start = _time.GetTimestamp();
        while (_time.GetElapsedTime(start) < TimeSpan.FromSeconds(60))
        {
            reader.Poll(TimeSpan.FromMilliseconds(100), static () => { });
            var all = reader.Assigned;
            foreach (var t in threads)
            {
                if (!t.IsRunning)
                {
                    throw new InvalidOperationException($"Stage {t.Name} stopped during start-up: {t.Failure?.Message}", t.Failure);
                }

                all &= t.Worker.Status.AssignedPartitions > 0;
            }

            if (all)
            {
                progress.WriteLine($"all stages assigned after {_time.GetElapsedTime(start).TotalSeconds:F1} s");
                return;
            }
        }

        throw new TimeoutException("The stages were not assigned partitions within 60 s.");
    }

    private static void CreateTopics(string bootstrap, IEnumerable<string> topics, int partitions)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var specs = new List<TopicSpecification>();
        foreach (var t in topics)
        {
            specs.Add(new TopicSpecification { Name = t, NumPartitions = partitions, ReplicationFactor = -1 });
        }

        admin.CreateTopicsAsync(specs).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Creates the topics through the broker's auto-creation (a producer's metadata request), so consumers can be
    /// assigned before the first record is sent. The mock cluster creates topics this way; so does a real cluster
    /// with <c>auto.create.topics.enable</c>.
    /// </summary>
    private static void TouchTopics(string bootstrap, IEnumerable<string> topics)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrap };
        config.Set("allow.auto.create.topics", "true");
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
            foreach (var t in metadata.Topics)
            {
                if (t.Error.IsError && t.Error.Code != ErrorCode.LeaderNotAvailable)
                {
                    throw new InvalidOperationException($"Topic {topic}: {t.Error.Reason}");
                }
            }
        }
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
