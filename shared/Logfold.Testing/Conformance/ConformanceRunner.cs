using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Testing.Conformance;

/// <summary>
/// Grades Logfold against the real-log corpus (<c>corpus/dev/&lt;source_type&gt;/*.log</c>): detection accuracy per
/// folder, and agreement with Elastic's <c>*.expected.json</c> per dotted field, following corpus/README.md:
/// arrays compare as sets, timestamps as instants, zoneless times read in the case's zone, and the harness's
/// injected and dynamic fields, GeoIP/ASN and bookkeeping fields are skipped.
/// </summary>
public sealed class ConformanceRunner(LogNormalizer normalizer)
{
    /// <summary>The four core source types, whose goals are 99% detection and 95% field agreement.</summary>
    public static IReadOnlySet<string> CoreSources { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SourceTypes.WindowsEvent, SourceTypes.LinuxSyslog, SourceTypes.PaloAlto, SourceTypes.AwsCloudTrail,
    };

    private static readonly string[] SkippedPrefixes =
    [
        "ecs.", "agent.", "input.", "log.offset", "log.file.", "data_stream.", "tags", "event.ingested",
        "event.original", "_conf", "fileset.", "service.type", "host.architecture", "host.os.", "host.id",
        "host.mac", "host.containerized", "cloud.instance.", "cloud.machine.", "cloud.availability_zone", "error.message",
    ];

    // The ECS fields issue #2 requires, scored as the primary number.
    private static readonly string[] PrimaryPrefixes =
    [
        "@timestamp", "event.kind", "event.category", "event.type", "event.action", "event.outcome", "event.code",
        "event.module", "event.dataset", "event.provider", "event.severity", "event.created",
        "source.ip", "source.port", "source.bytes", "source.packets", "source.nat.", "source.user.",
        "destination.ip", "destination.port", "destination.bytes", "destination.packets", "destination.nat.", "destination.user.",
        "client.ip", "client.port", "client.bytes", "client.packets", "client.nat.", "client.user.",
        "server.ip", "server.port", "server.bytes", "server.packets", "server.nat.", "server.user.",
        "network.transport", "network.protocol", "network.direction", "network.bytes", "network.packets", "network.application",
        "user.name", "user.domain", "user.id", "user.target.", "host.name", "host.hostname",
        "process.pid", "process.name", "process.executable", "process.command_line", "process.parent.",
        "observer.serial_number", "observer.hostname", "observer.vendor", "observer.product", "observer.type",
        "rule.name", "cloud.provider", "cloud.region", "cloud.account.id", "log.syslog.", "related.ip", "related.user",
        "related.hosts", "message",
    ];

    private static readonly string[] VendorPrefixes =
        ["panw.", "aws.", "winlog.", "system.", "sysmon.", "powershell.", "cisco.", "apache.", "nginx.", "suricata.", "okta.", "auditd.", "fortinet.", "haproxy.", "iis.", "o365.", "azure.", "cef.", "windows.", "sshd.", "syslog."];

    /// <summary>When set, every primary-field disagreement is written here (for debugging a mapper).</summary>
    public TextWriter? DetailWriter { get; init; }

    /// <summary>Grades every folder under <paramref name="corpusDir"/> (optionally only <paramref name="onlySource"/>).</summary>
    public ConformanceReport Run(string corpusDir, string? onlySource = null)
    {
        var report = new ConformanceReport();
        foreach (var dir in Directory.EnumerateDirectories(corpusDir).Order(StringComparer.Ordinal))
        {
            var label = Path.GetFileName(dir);
            if (onlySource is not null && !string.Equals(label, onlySource, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var log in Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal))
            {
                var notALog = NotALogReason(log);
                if (notALog is not null)
                {
                    report.Excluded.Add(new ExcludedFile(label, Path.GetFileName(log), notALog));
                    continue;
                }

                RunCase(label, log, report.For(label));
            }
        }

        return report;
    }

    /// <summary>
    /// Why a corpus file is not a log at all, or null. Only binary capture formats are recognised (by their magic
    /// numbers): a packet capture holds network frames, not one event per line, so grading its "lines" would
    /// measure nothing. Such files are listed in the report, never silently skipped.
    /// </summary>
    internal static string? NotALogReason(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
            {
                return null;
            }
        }

        uint magic = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);
        return magic switch
        {
            0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 => "binary pcap packet capture, not log text",
            0x0A0D0D0A => "binary pcapng packet capture, not log text",
            _ => null,
        };
    }

    private void RunCase(string label, string logPath, SourceStats stats)
    {
        var config = CaseConfig.Load(logPath);
        var context = new NormalizeContext
        {
            DefaultTimeZone = config.TimeZone,
            Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
        };
        var expectedPath = Path.ChangeExtension(logPath, null) + ".expected.json";
        JsonArray? expected = null;
        if (File.Exists(expectedPath))
        {
            expected = JsonNode.Parse(File.ReadAllText(expectedPath))?["expected"]?.AsArray();
        }

        var lines = File.ReadAllLines(logPath, Encoding.UTF8);
        var doc = new EcsDocument();
        var parts = new List<ReadOnlyMemory<byte>>();
        var eventIndex = 0;
        for (var lineNo = 0; lineNo < lines.Length; lineNo++)
        {
            if (lines[lineNo].Length == 0)
            {
                continue;
            }

            var raw = Encoding.UTF8.GetBytes(lines[lineNo]);
            parts.Clear();
            if (!normalizer.TryExpand(raw, parts))
            {
                parts.Add(raw);
            }

            foreach (var part in parts)
            {
                var result = normalizer.Process(part.Span, context, doc, out var detection);
                stats.Events++;
                if (string.Equals(detection.SourceType, label, StringComparison.Ordinal))
                {
                    stats.Correct++;
                }
                else
                {
                    stats.Confusions[detection.SourceType] = stats.Confusions.GetValueOrDefault(detection.SourceType) + 1;
                }

                var expectedDoc = expected is not null && eventIndex < expected.Count ? expected[eventIndex] as JsonObject : null;
                eventIndex++;
                if (expectedDoc is null)
                {
                    continue;
                }

                var actual = result.Success ? JsonNode.Parse(doc.ToJson())!.AsObject() : [];
                Grade(expectedDoc, actual, config, stats, $"{Path.GetFileName(logPath)}:{lineNo + 1}");
            }
        }
    }

    private void Grade(JsonObject expected, JsonObject actual, CaseConfig config, SourceStats stats, string where)
    {
        var exp = Flatten(expected);
        var act = Flatten(actual);
        foreach (var (key, value) in exp)
        {
            if (Skip(key, config) || IsInjectedCopy(key, value, config))
            {
                continue;
            }

            var agrees = act.TryGetValue(key, out var actualValue) && Agree(key, value, actualValue);
            SourceStats.Tally tally = IsPrimary(key) ? stats.Primary : IsVendor(key) ? stats.Vendor : stats.OtherEcs;
            tally.Total++;
            if (agrees)
            {
                tally.Agree++;
                continue;
            }

            if (ReferenceEquals(tally, stats.Primary))
            {
                var example = $"{value?.ToJsonString()} → {(actualValue is null ? "(absent)" : actualValue.ToJsonString())}";
                if (!stats.FieldMisses.TryGetValue(key, out var miss))
                {
                    miss = new SourceStats.FieldMiss { Example = example };
                    stats.FieldMisses[key] = miss;
                }

                miss.Count++;
                DetailWriter?.WriteLine($"{stats.Source} {where} {key}: {example}");
            }
        }
    }

    private static bool Skip(string key, CaseConfig config)
    {
        if (config.SkippedFields.Contains(key) || key.Contains(".geo.", StringComparison.Ordinal) || key.StartsWith("geo.", StringComparison.Ordinal) ||
            key.Contains(".as.", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var p in SkippedPrefixes)
        {
            if (key.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Elastic's pipelines copy the shipper's @timestamp (injected by the test config) into event.created
    // before replacing @timestamp with the event's own time; that value is not in the raw event.
    private static bool IsInjectedCopy(string key, JsonNode? expected, CaseConfig config) =>
        string.Equals(key, "event.created", StringComparison.Ordinal) &&
        expected is JsonValue v && v.TryGetValue<string>(out var s) && config.InjectedValues.Contains(s);

    private static bool IsPrimary(string key)
    {
        foreach (var p in PrimaryPrefixes)
        {
            if (p.EndsWith('.') ? key.StartsWith(p, StringComparison.Ordinal) : string.Equals(key, p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVendor(string key)
    {
        foreach (var p in VendorPrefixes)
        {
            if (key.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares one field: arrays as sets, times as instants, numbers and strings by value.</summary>
    public static bool Agree(string key, JsonNode? expected, JsonNode? actual)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (expected is JsonArray || actual is JsonArray)
        {
            var e = AsSet(expected);
            var a = AsSet(actual);
            return e.SetEquals(a);
        }

        var es = Scalar(expected);
        var acts = Scalar(actual);
        if (string.Equals(es, acts, StringComparison.Ordinal))
        {
            return true;
        }

        if (es is not null && acts is not null)
        {
            if (double.TryParse(es, NumberStyles.Float, CultureInfo.InvariantCulture, out var ed) &&
                double.TryParse(acts, NumberStyles.Float, CultureInfo.InvariantCulture, out var ad))
            {
                return Math.Abs(ed - ad) < 1e-9 * Math.Max(1, Math.Abs(ed));
            }

            if (LooksLikeTime(es) && LooksLikeTime(acts) &&
                TryInstant(es, out var et) && TryInstant(acts, out var at))
            {
                return et == at;
            }
        }

        return false;
    }

    private static bool LooksLikeTime(string s) => s.Length >= 19 && s[4] == '-' && s[7] == '-' && s[10] is 'T' or ' ';

    private static bool TryInstant(string s, out DateTimeOffset value) =>
        SyslogHeader.TryParseIso(Encoding.UTF8.GetBytes(s), TimeZoneInfo.Utc, out value, out _) ||
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static HashSet<string> AsSet(JsonNode? node)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                set.Add(Scalar(item) ?? "null");
            }
        }
        else if (node is not null)
        {
            set.Add(Scalar(node) ?? "null");
        }

        return set;
    }

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Flattens nested objects to dotted keys; arrays and scalars are leaves.</summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var into = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Flatten(obj, string.Empty, into);
        return into;
    }

    private static void Flatten(JsonObject obj, string prefix, Dictionary<string, JsonNode?> into)
    {
        foreach (var (key, value) in obj)
        {
            var name = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is JsonObject child)
            {
                Flatten(child, name, into);
            }
            else
            {
                into[name] = value;
            }
        }
    }
}
