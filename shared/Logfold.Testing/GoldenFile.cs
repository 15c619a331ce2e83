using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Testing;

/// <summary>
/// Runs one <c>testdata/&lt;source&gt;/&lt;case&gt;.log</c> through the real detect → parse → map path and compares
/// the result with <c>&lt;case&gt;.expected.json</c> as JSON. Each line yields either its ECS document or, when
/// it fails, <c>{"dlq":{"reason":...,"category":...}}</c>. CloudTrail Records files expand to one entry per record.
/// With <c>LOGFOLD_UPDATE_GOLDEN=1</c> the expected file is rewritten and the comparison fails, so the flag can
/// never be left on by accident.
/// </summary>
public static class GoldenFile
{
    /// <summary>The fields masked before comparison because they depend on the run.</summary>
    public static IReadOnlyList<string> VolatileFields { get; } = ["event.ingested"];

    /// <summary>Every case file under <c>tests/testdata</c>, as paths relative to it.</summary>
    public static IEnumerable<string> AllCases() =>
        Directory.Exists(RepoPaths.TestData)
            ? Directory.EnumerateFiles(RepoPaths.TestData, "*.log", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepoPaths.TestData, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>The context golden files are produced with: UTC, a fixed clock, no <c>event.original</c>.</summary>
    public static NormalizeContext Context { get; } = new()
    {
        DefaultTimeZone = TimeZoneInfo.Utc,
        Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
        KeepOriginal = false,
    };

    /// <summary>Normalizes every line of a case into the JSON array golden files hold.</summary>
    public static JsonArray Produce(string logPath, LogNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        var results = new JsonArray();
        var doc = new EcsDocument();
        var parts = new List<ReadOnlyMemory<byte>>();
        foreach (var line in File.ReadAllLines(logPath, Encoding.UTF8))
        {
            var raw = Encoding.UTF8.GetBytes(line);
            parts.Clear();
            if (!normalizer.TryExpand(raw, parts))
            {
                parts.Add(raw);
            }

            foreach (var part in parts)
            {
                var result = normalizer.Process(part.Span, Context, doc, out _);
                if (result.Success)
                {
                    var node = JsonNode.Parse(doc.ToJson())!.AsObject();
                    foreach (var field in VolatileFields)
                    {
                        Remove(node, field);
                    }

                    results.Add(node);
                }
                else
                {
                    results.Add(new JsonObject
                    {
                        ["dlq"] = new JsonObject { ["reason"] = result.Reason, ["category"] = result.Category.ToString() },
                    });
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Compares a case with its expected file. Returns null when they agree, else a description of the first
    /// differences. Rewrites the file (and reports that as a difference) when <c>LOGFOLD_UPDATE_GOLDEN=1</c>.
    /// </summary>
    public static string? Verify(string relativeCase, LogNormalizer normalizer)
    {
        var logPath = Path.Combine(RepoPaths.TestData, relativeCase);
        var expectedPath = Path.ChangeExtension(logPath, null) + ".expected.json";
        var actual = Produce(logPath, normalizer);
        if (Environment.GetEnvironmentVariable("LOGFOLD_UPDATE_GOLDEN") == "1")
        {
            var text = new JsonObject { ["expected"] = actual }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            File.WriteAllText(expectedPath, text + "\n");
            return $"{relativeCase}: expected file rewritten because LOGFOLD_UPDATE_GOLDEN=1; unset it and run again.";
        }

        if (!File.Exists(expectedPath))
        {
            return $"{relativeCase}: no expected file at {expectedPath}. Run once with LOGFOLD_UPDATE_GOLDEN=1 and review it.";
        }

        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!["expected"]!.AsArray();
        if (expected.Count != actual.Count)
        {
            return $"{relativeCase}: expected {expected.Count} events, produced {actual.Count}.";
        }

        var problems = new StringBuilder();
        for (var i = 0; i < expected.Count; i++)
        {
            if (!JsonNode.DeepEquals(expected[i], actual[i]))
            {
                problems.Append(relativeCase).Append(" event ").Append(i + 1).AppendLine(":");
                Diff(expected[i], actual[i], string.Empty, problems);
            }
        }

        return problems.Length == 0 ? null : problems.ToString();
    }

    private static void Diff(JsonNode? expected, JsonNode? actual, string path, StringBuilder into)
    {
        if (expected is JsonObject eo && actual is JsonObject ao)
        {
            foreach (var (key, value) in eo)
            {
                Diff(value, ao[key], path.Length == 0 ? key : path + "." + key, into);
            }

            foreach (var (key, value) in ao)
            {
                if (!eo.ContainsKey(key))
                {
                    into.Append("  + ").Append(path.Length == 0 ? key : path + "." + key).Append(" = ").AppendLine(value?.ToJsonString());
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            into.Append("  ~ ").Append(path).Append(": expected ").Append(expected?.ToJsonString() ?? "(absent)")
                .Append(", got ").AppendLine(actual?.ToJsonString() ?? "(absent)");
        }
    }

    private static void Remove(JsonObject node, string dotted)
    {
        var segments = dotted.Split('.');
        var current = node;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current[segments[i]] is not JsonObject next)
            {
                return;
            }

            current = next;
        }

        current.Remove(segments[^1]);
    }
}
