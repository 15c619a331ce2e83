using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Logfold.Contracts;
using Logfold.Detector;
using Logfold.Kafka.Tests.Hosting;
using Logfold.Kafka.Tests.Support;
using Logfold.Normalizer;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Logfold.Testing;
using Logfold.Testing.Kafka;
using Logfold.Testing.Stages;
using ContractHeaders = Logfold.Contracts.Headers;

namespace Logfold.Kafka.Tests.Kafka;

[Collection(ServiceHostGroup.Name)]
public sealed class PipelineEndToEndTests
{
    private const string SeqToken = "lfseq=";

    /// <summary>
    /// Every golden line (containers aside), made unique with a sequence token, repeated until there are at least
    /// <paramref name="minimum"/> events, with malformed mutations mixed in: invalid UTF-8, NUL bytes, truncated JSON
    /// and one empty record. Keys name the file each event came from.
    /// </summary>
    internal static List<(byte[] Key, byte[] Value)> MixedEvents(int minimum)
    {
        var lines = new List<(string File, string Line)>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TestData, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0 && !line.Contains("\"Records\"", StringComparison.Ordinal))
                {
                    lines.Add((name, line));
                }
            }
        }

        var events = new List<(byte[], byte[])> { ("empty"u8.ToArray(), []) };
        var seq = 0;
        while (events.Count < minimum)
        {
            foreach (var (file, line) in lines)
            {
                var key = Encoding.UTF8.GetBytes(file);
                var n = seq++;
                var value = (n % 53) switch
                {
                    7 => [.. Encoding.UTF8.GetBytes(SeqToken + n + " "), 0xFF, 0xFE, .. "not utf-8"u8],
                    19 => Encoding.UTF8.GetBytes(SeqToken + n + " \0 binary"),
                    31 when line[0] == '{' => Encoding.UTF8.GetBytes(Unique(line, n)[..(line.Length / 2)]),
                    _ => Encoding.UTF8.GetBytes(Unique(line, n)),
                };
                events.Add((key, value));
            }
        }

        return events;
    }

    private static string Unique(string line, int n) => line[0] switch
    {
        '{' => "{\"lfseq\":\"" + SeqToken + n + "\"," + line[1..],
        '<' => line.Insert(line.IndexOf('>', StringComparison.Ordinal) + 1, "<!--" + SeqToken + n + "-->"),
        _ => line + " " + SeqToken + n,
    };

    /// <summary>The sequence number in a raw event, or -1 (the empty record).</summary>
    internal static int SeqOf(ReadOnlySpan<byte> raw)
    {
        var at = raw.IndexOf("lfseq="u8);
        if (at < 0)
        {
            return -1;
        }

        var n = 0;
        for (var i = at + 6; i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            n = (n * 10) + (raw[i] - '0');
        }

        return n;
    }

    [Fact]
    public async Task Pipeline_DetectorAndNormalizerHosts_EachInputExactlyOnceAcrossNormalizedAndDlqInHostOrder()
    {
        using var cluster = KafkaTestCluster.Start();
        var raw = KafkaTestKit.Unique("raw");
        var detected = KafkaTestKit.Unique("detected");
        var normalized = KafkaTestKit.Unique("normalized");
        var dlq = KafkaTestKit.Unique("dlq");
        var events = MixedEvents(5000);
        KafkaTestKit.Produce(cluster, raw, events.Select(e => ((byte[]?)e.Key, e.Value, (Confluent.Kafka.Headers?)null)), baseTimestampMs: 1_800_000_000_000);

        using var detectorMetrics = new MetricRecorder(DetectorHost.MeterName);
        using var normalizerMetrics = new MetricRecorder(NormalizerHost.MeterName);
        var codec = RecordCodecs.JsonDetectedRecord();

        List<ConsumeResult<byte[], byte[]>> read;
        await using (var d = await StageHostRunner.StartAsync(DetectorHost.Build(StageHostRunner.Args(cluster.BootstrapServers, raw, detected, dlq), StageHostRunner.ServiceRoot("detector"))))
        await using (var n = await StageHostRunner.StartAsync(NormalizerHost.Build(StageHostRunner.Args(cluster.BootstrapServers, detected, normalized, dlq, "--Logfold:Normalize:KeepOriginal=true"), StageHostRunner.ServiceRoot("normalizer"))))
        {
            read = KafkaTestKit.Read(cluster, [normalized, dlq], events.Count, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(2));
            Assert.Equal(200, (await d.GetAsync("/health")).Status);
            Assert.Equal(200, (await n.GetAsync("/ready")).Status);
        }

        var seen = new int[events.Count];
        long normalizedCount = 0, detectorDlq = 0, normalizerDlq = 0;
        var lastSeqByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var decoded = new DetectedRecord();
        foreach (var r in read)
        {
            int seq;
            if (r.Topic == normalized)
            {
                normalizedCount++;
                var original = (string?)JsonNode.Parse(r.Message.Value)!["event"]!["original"];
                seq = SeqOf(Encoding.UTF8.GetBytes(original!));
                var key = KafkaTestKit.Text(r.Message.Key);
                Assert.True(!lastSeqByKey.TryGetValue(key, out var previous) || previous < seq, $"Order broken for key {key}: {previous} then {seq}");
                lastSeqByKey[key] = seq;
            }
            else if (KafkaTestKit.Header(r, ContractHeaders.ErrorStage) == DetectorStage.StageName)
            {
                detectorDlq++;
                seq = SeqOf(r.Message.Value);
                Assert.Equal(raw, KafkaTestKit.Header(r, ContractHeaders.SourceTopic));
            }
            else
            {
                normalizerDlq++;
                Assert.Equal(NormalizerStage.StageName, KafkaTestKit.Header(r, ContractHeaders.ErrorStage));
                codec.Decode(r.Message.Value, decoded);
                seq = SeqOf(decoded.Raw);
            }

            Assert.NotNull(KafkaTestKit.Header(r, ContractHeaders.ErrorReason) ?? (r.Topic == normalized ? "ok" : null));
            seen[seq + 1]++;
        }

        var lost = Enumerable.Range(0, seen.Length).Where(i => seen[i] == 0).Take(5).ToList();
        var duplicated = Enumerable.Range(0, seen.Length).Where(i => seen[i] > 1).Take(5).ToList();
        Assert.True(lost.Count == 0, "Lost inputs (seq+1): " + string.Join(',', lost));
        Assert.True(duplicated.Count == 0, "Duplicated inputs (seq+1): " + string.Join(',', duplicated));
        Assert.Equal(events.Count, read.Count);
        Assert.True(detectorDlq >= 150, $"Expected the malformed mutations in the DLQ, saw {detectorDlq}.");
        Assert.True(normalizedCount >= 4000, $"Expected most events normalized, saw {normalizedCount}.");
        Assert.True(lastSeqByKey.Count > 10, "Expected many host keys.");

        var detectorSent = normalizedCount + normalizerDlq;
        StageCompliance.Reconcile(events.Count, detectorSent, detectorDlq, 0, metrics: detectorMetrics);
        StageCompliance.Reconcile(detectorSent, normalizedCount, normalizerDlq, 0, metrics: normalizerMetrics);
        Assert.Equal(detectorDlq, detectorMetrics.Total("logfold.records.dead_lettered", "reason", "invalid_utf8")
            + detectorMetrics.Total("logfold.records.dead_lettered", "reason", "binary")
            + detectorMetrics.Total("logfold.records.dead_lettered", "reason", "empty"));
    }
}
