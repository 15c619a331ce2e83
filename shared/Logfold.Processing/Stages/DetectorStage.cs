using Logfold.Contracts;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>
/// <c>logs.raw</c> → <c>logs.detected</c>: validates each raw event, detects its source (honouring the
/// <c>logfold.source</c> header hint), and emits a <see cref="DetectedRecord"/> keyed by source host (falling
/// back to the raw key) so that each host keeps its order. A CloudTrail Records file yields one output per record.
/// DLQ reasons: <c>empty</c>, <c>too_large</c>, <c>invalid_utf8</c>, <c>binary</c>.
/// </summary>
public sealed class DetectorStage : IStageProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "detector";

    private readonly LogNormalizer _normalizer;
    private readonly IRecordCodec<DetectedRecord> _codec;
    private readonly DetectedRecord _record = new();
    private readonly List<ReadOnlyMemory<byte>> _parts = [];

    /// <summary>Creates the stage.</summary>
    public DetectorStage(LogNormalizer normalizer, IRecordCodec<DetectedRecord> codec)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(codec);
        _normalizer = normalizer;
        _codec = codec;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public ErrorCategory Classify(Exception exception) => StageErrors.Classify(exception);

    /// <inheritdoc />
    public void Process(in InputRecord record, IRecordOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var value = record.Value;
        var hint = record.GetHeaderString(Headers.SourceHint);
        _parts.Clear();
        if (LooksLikeContainer(value.Span) && _normalizer.TryExpand(value, _parts) && _parts.Count > 0)
        {
            // Validate every part first, so a bad container goes to the DLQ once, whole, rather than half-emitted.
            for (var i = 0; i < _parts.Count; i++)
            {
                var check = _normalizer.Validate(_parts[i].Span);
                if (!check.Success)
                {
                    output.DeadLetter(check.Reason!, $"Record {i} of {_parts.Count} in the container: {check.Message}");
                    return;
                }
            }

            foreach (var part in _parts)
            {
                EmitOne(record, part.Span, hint, output);
            }

            return;
        }

        var valid = _normalizer.Validate(value.Span);
        if (!valid.Success)
        {
            output.DeadLetter(valid.Reason!, valid.Message ?? valid.Reason!, null, valid.Category);
            return;
        }

        EmitOne(record, value.Span, hint, output);
    }

    private void EmitOne(in InputRecord record, ReadOnlySpan<byte> raw, string? hint, IRecordOutput output)
    {
        var detection = _normalizer.Detect(raw, hint);
        var host = SourceHostReader.Read(raw);
        var r = _record;
        r.Reset();
        r.Raw = raw.ToArray();
        r.Source = detection.SourceType;
        r.Confidence = detection.Confidence;
        r.BestGuess = detection.BestGuess;
        r.Hint = detection.Hint;
        r.HintDisagreed = detection.HintDisagreed;
        foreach (var alt in detection.Alternatives)
        {
            r.Alternatives.Add(new DetectedAlternative(alt.SourceType, alt.Confidence));
        }

        r.SourceHost = host is null ? null : System.Text.Encoding.UTF8.GetString(host);
        r.RawTimestampMs = record.TimestampMs;
        output.Emit(host ?? record.Key, _codec.Encode(r));
    }

    private static bool LooksLikeContainer(ReadOnlySpan<byte> value)
    {
        var t = value.TrimStart(" \t\r\n"u8);
        return t.Length > 12 && t[0] == (byte)'{' && t.IndexOf("\"Records\""u8) >= 0;
    }
}
