using System.Text.Unicode;
using Logfold.Processing.Detect;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Generic;

namespace Logfold.Processing.Pipeline;

/// <summary>
/// The whole pure pipeline for one event: expand containers, detect, validate, parse and map to ECS.
/// Every entry point (Kafka stages, the REST API, the CLI, the all-in-one mode) goes through this class.
/// Thread-safe; each caller brings its own <see cref="EcsDocument"/>.
/// </summary>
public sealed class LogNormalizer
{
    /// <summary>The largest raw event accepted by default (1 MiB).</summary>
    public const int DefaultMaxEventBytes = 1024 * 1024;

    private readonly IExpandingSource[] _expanders;
    private readonly GenericSource _generic = new();

    /// <summary>Creates a pipeline over the given modules.</summary>
    public LogNormalizer(IReadOnlyList<ISourceModule> modules, DetectionOptions detection, int maxEventBytes = DefaultMaxEventBytes)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventBytes, 1);
        Detector = new SourceDetector(modules, detection);
        MaxEventBytes = maxEventBytes;
        var expanders = new List<IExpandingSource>();
        foreach (var m in modules)
        {
            if (m is IExpandingSource e)
            {
                expanders.Add(e);
            }
        }

        _expanders = [.. expanders];
    }

    /// <summary>A pipeline with the built-in modules and default thresholds.</summary>
    public static LogNormalizer CreateDefault(DetectionOptions? detection = null) =>
        new(SourceCatalog.BuiltIn(), detection ?? new DetectionOptions());

    /// <summary>The detector.</summary>
    public SourceDetector Detector { get; }

    /// <summary>The size cap for one raw event.</summary>
    public int MaxEventBytes { get; }

    /// <summary>
    /// Splits a container (a CloudTrail <c>Records</c> file) into its events. Returns false, leaving
    /// <paramref name="parts"/> untouched, for a single event.
    /// </summary>
    public bool TryExpand(ReadOnlyMemory<byte> raw, List<ReadOnlyMemory<byte>> parts)
    {
        foreach (var expander in _expanders)
        {
            try
            {
                if (expander.TryExpand(raw, parts))
                {
                    return true;
                }
            }
            catch (Exception)
            {
                // A malformed container is treated as one event; its parser reports the problem.
                parts.Clear();
            }
        }

        return false;
    }

    /// <summary>
    /// Checks what every event must satisfy before any parser sees it. Returns a Data failure for empty,
    /// oversized, invalid UTF-8 or binary input.
    /// </summary>
    public ParseResult Validate(ReadOnlySpan<byte> raw)
    {
        if (raw.Length == 0 || raw.Trim((byte)' ').Length == 0)
        {
            return ParseResult.Fail("empty", "The event is empty.");
        }

        if (raw.Length > MaxEventBytes)
        {
            return ParseResult.Fail("too_large", $"The event is {raw.Length} bytes; the limit is {MaxEventBytes}.");
        }

        if (!Utf8.IsValid(raw))
        {
            return ParseResult.Fail("invalid_utf8", "The event is not valid UTF-8.");
        }

        if (raw.IndexOf((byte)0) >= 0)
        {
            return ParseResult.Fail("binary", "The event contains NUL bytes; it looks like binary data.");
        }

        return ParseResult.Ok;
    }

    /// <summary>Detects one event (no validation; detection never fails).</summary>
    public DetectionResult Detect(ReadOnlySpan<byte> raw, string? hint = null) => Detector.Detect(raw, hint);

    /// <summary>
    /// Normalizes one already-detected event into <paramref name="doc"/> (which is reset first). Never throws:
    /// a parser exception becomes a System failure.
    /// </summary>
    public ParseResult Normalize(ReadOnlySpan<byte> raw, DetectionResult detection, NormalizeContext context, EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(doc);
        doc.Reset();
        var valid = Validate(raw);
        if (!valid.Success)
        {
            return valid;
        }

        ParseResult result;
        try
        {
            result = detection.Module is { } module
                ? module.Normalize(raw, context, doc)
                : _generic.Normalize(raw, context, doc);
        }
        catch (Exception ex)
        {
            result = ParseResult.SystemFailure("parser_exception", $"The {detection.SourceType} parser failed: {ex.GetType().Name}: {ex.Message}");
        }

        if (!result.Success)
        {
            return result;
        }

        Stamp(raw, detection, context, doc);
        return result;
    }

    /// <summary>Detects and normalizes in one call.</summary>
    public ParseResult Process(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc, out DetectionResult detection, string? hint = null)
    {
        detection = Detector.Detect(raw, hint);
        return Normalize(raw, detection, context, doc);
    }

    private static void Stamp(ReadOnlySpan<byte> raw, DetectionResult detection, NormalizeContext context, EcsDocument doc)
    {
        doc.Set(Ecs.LogfoldSource, detection.SourceType);
        doc.Set(Ecs.LogfoldConfidence, Math.Round(detection.Confidence, 4));
        if (detection.BestGuess is not null)
        {
            doc.Set(Ecs.LogfoldDetectionBestGuess, detection.BestGuess);
        }

        if (detection.Hint is not null)
        {
            doc.Set(Ecs.LogfoldDetectionHint, detection.Hint);
            if (detection.HintDisagreed)
            {
                doc.Set(Ecs.LogfoldDetectionHintDisagreed, true);
            }
        }

        if (context.KeepOriginal)
        {
            doc.Set(Ecs.EventOriginal, System.Text.Encoding.UTF8.GetString(raw));
        }

        if (context.SetEventCreated && !doc.Has(Ecs.EventCreated))
        {
            doc.Set(Ecs.EventCreated, context.Clock.GetUtcNow());
        }
    }
}
