using Logfold.Processing.Stages;

namespace Logfold.Normalizer;

/// <summary>The normalizer's own settings (config section <c>Logfold:Normalizer</c>).</summary>
public sealed class NormalizerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Normalizer";

    /// <summary>What to do with events the detector marked <c>unknown</c>: Normalize (generic mapping, default), DeadLetter or Filter.</summary>
    public UnknownSourceHandling UnknownSources { get; set; } = UnknownSourceHandling.Normalize;
}
