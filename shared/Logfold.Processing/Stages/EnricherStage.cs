using Logfold.Contracts;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>
/// <c>logs.normalized</c> → <c>logs.enriched</c>: decodes the <see cref="EcsDocument"/>, runs the
/// <see cref="EnrichmentEngine"/> chain, and emits the enriched document under the input key (per-host order
/// carries through). An enricher that fails never dead-letters the event: the engine tags it
/// (<c>logfold.enrichment.failed</c>) and it goes on. DLQ reasons: <c>undecodable_record</c> (the input is not a
/// valid ECS document in the configured format) and <c>unencodable_record</c> (the enriched document cannot be
/// written in the output format, for example past a size or field budget).
/// </summary>
public sealed class EnricherStage : IStageProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "enricher";

    /// <summary>The DLQ reason for input bytes the codec cannot read.</summary>
    public const string UndecodableReason = "undecodable_record";

    /// <summary>The DLQ reason for an enriched document the output codec cannot write.</summary>
    public const string UnencodableReason = "unencodable_record";

    private readonly EnrichmentEngine _engine;
    private readonly IRecordCodec<EcsDocument> _input;
    private readonly IRecordCodec<EcsDocument> _output;
    private readonly EcsDocument _doc = new();

    /// <summary>Creates the stage.</summary>
    /// <param name="engine">The enrichment chain (shared, thread-safe; the host owns and disposes it).</param>
    /// <param name="input">The codec of <c>logs.normalized</c>.</param>
    /// <param name="output">The codec of <c>logs.enriched</c>.</param>
    public EnricherStage(EnrichmentEngine engine, IRecordCodec<EcsDocument> input, IRecordCodec<EcsDocument> output)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _engine = engine;
        _input = input;
        _output = output;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public ErrorCategory Classify(Exception exception) => StageErrors.Classify(exception);

    /// <inheritdoc />
    public void Process(in InputRecord record, IRecordOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var doc = _doc;
        doc.Reset();
        try
        {
            _input.Decode(record.Value.Span, doc);
        }
        catch (RecordFormatException ex)
        {
            output.DeadLetter(UndecodableReason, "The record is not a valid normalized (ECS) document: " + ex.Message, ex);
            return;
        }

        _engine.Enrich(doc);

        byte[] bytes;
        try
        {
            bytes = _output.Encode(doc);
        }
        catch (RecordFormatException ex)
        {
            output.DeadLetter(UnencodableReason, "The enriched document cannot be encoded: " + ex.Message, ex);
            return;
        }

        output.Emit(record.Key, bytes);
    }
}
