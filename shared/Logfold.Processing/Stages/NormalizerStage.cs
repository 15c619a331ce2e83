using Logfold.Contracts;
using Logfold.Processing.Detect;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>
/// <c>logs.detected</c> → <c>logs.normalized</c>: decodes a <see cref="DetectedRecord"/>, parses and maps its raw
/// event with the detected source's module (the generic mapping for <c>unknown</c>), and emits the
/// <see cref="EcsDocument"/> under the input key, so per-host order carries through. DLQ reasons:
/// <c>invalid_record</c> (undecodable input), <c>unknown_source</c> (a source with no module here, or an unknown
/// event when so configured), and every parser failure reason
/// (<c>empty</c>, <c>too_large</c>, <c>invalid_utf8</c>, <c>truncated</c>, <c>invalid_json</c>, ...).
/// </summary>
public sealed class NormalizerStage : IStageProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "normalizer";

    private readonly LogNormalizer _normalizer;
    private readonly NormalizeContext _context;
    private readonly IRecordCodec<DetectedRecord> _input;
    private readonly IRecordCodec<EcsDocument> _output;
    private readonly DetectedRecord _record = new();
    private readonly EcsDocument _doc = new();
    private readonly UnknownSourceHandling _unknown;

    /// <summary>Creates the stage.</summary>
    /// <param name="normalizer">The pipeline (its modules parse each source).</param>
    /// <param name="context">Time zones, clock and output settings.</param>
    /// <param name="input">The <c>logs.detected</c> codec.</param>
    /// <param name="output">The <c>logs.normalized</c> codec.</param>
    /// <param name="unknown">What to do with events the detector could not place.</param>
    public NormalizerStage(LogNormalizer normalizer, NormalizeContext context, IRecordCodec<DetectedRecord> input, IRecordCodec<EcsDocument> output, UnknownSourceHandling unknown = UnknownSourceHandling.Normalize)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _normalizer = normalizer;
        _context = context;
        _input = input;
        _output = output;
        _unknown = unknown;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public ErrorCategory Classify(Exception exception) => StageErrors.Classify(exception);

    /// <inheritdoc />
    public void Process(in InputRecord record, IRecordOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var r = _record;
        r.Reset();
        try
        {
            _input.Decode(record.Value.Span, r);
        }
        catch (RecordFormatException ex)
        {
            output.DeadLetter("invalid_record", "The record is not a valid detected record: " + ex.Message, ex);
            return;
        }

        ISourceModule? module = null;
        if (string.Equals(r.Source, SourceTypes.Unknown, StringComparison.Ordinal))
        {
            if (_unknown == UnknownSourceHandling.Filter)
            {
                output.Filter("unknown_source");
                return;
            }

            if (_unknown == UnknownSourceHandling.DeadLetter)
            {
                output.DeadLetter("unknown_source", $"The detector could not place the event (best guess: {r.BestGuess ?? "none"}).");
                return;
            }
        }
        else
        {
            module = _normalizer.Detector.Find(r.Source);
            if (module is null)
            {
                output.DeadLetter("unknown_source", $"The source type '{Truncate(r.Source)}' has no module in this normalizer.");
                return;
            }
        }

        var detection = new DetectionResult
        {
            SourceType = r.Source,
            Confidence = r.Confidence,
            Alternatives = [],
            BestGuess = r.BestGuess,
            Hint = r.Hint,
            HintDisagreed = r.HintDisagreed,
            Module = module,
        };
        var result = _normalizer.Normalize(r.Raw, detection, _context, _doc);
        if (!result.Success)
        {
            output.DeadLetter(result.Reason!, result.Message ?? result.Reason!, null, result.Category);
            return;
        }

        output.Emit(record.Key, _output.Encode(_doc));
    }

    private static string Truncate(string s) => s.Length <= 64 ? s : s[..64];
}
