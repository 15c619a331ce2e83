using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;

namespace Logfold.LoadTest;

/// <summary>The pure pieces of the pipeline for one load run: the codecs and a factory for each stage's processor.</summary>
internal sealed class PipelineParts : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private PipelineParts(IRecordCodec<DetectedRecord> detected, IRecordCodec<EcsDocument> ecs, string format)
    {
        Detected = detected;
        Ecs = ecs;
        Format = format;
    }

    public IRecordCodec<DetectedRecord> Detected { get; }

    public IRecordCodec<EcsDocument> Ecs { get; }

    public string Format { get; }

    public LogNormalizer Normalizer { get; } = LogNormalizer.CreateDefault();

    public static PipelineParts Create(LoadArgs args)
    {
        if (string.Equals(args.Format, "avro", StringComparison.Ordinal))
        {
            throw new ArgumentException("--format avro is not available in this build yet (the Avro codecs are not merged).");
        }

        return new PipelineParts(RecordCodecs.JsonDetectedRecord(), RecordCodecs.JsonEcsDocument(), "json");
    }

    /// <summary>A new processor for <paramref name="stage"/> (each worker gets its own: stages are single-threaded).</summary>
    public IStageProcessor CreateStage(string stage) => stage switch
    {
        "detector" => new DetectorStage(Normalizer, Detected),
        "normalizer" => new NormalizerStage(Normalizer, NormalizeContext.Default, Detected, Ecs),
        _ => throw new ArgumentException($"The stage '{stage}' is not available in this build yet."),
    };

    public void Own(IDisposable resource) => _owned.Add(resource);

    public void Dispose()
    {
        foreach (var d in _owned)
        {
            d.Dispose();
        }
    }
}
