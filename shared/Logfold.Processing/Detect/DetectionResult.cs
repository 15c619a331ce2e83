using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Detect;

/// <summary>What the detector decided for one event.</summary>
public sealed class DetectionResult
{
    /// <summary>The chosen source type, or <see cref="SourceTypes.Unknown"/>.</summary>
    public required string SourceType { get; init; }

    /// <summary>The confidence of the chosen type (for unknown: of the best guess).</summary>
    public required double Confidence { get; init; }

    /// <summary>Every candidate with a non-zero score, best first.</summary>
    public required IReadOnlyList<SourceScore> Alternatives { get; init; }

    /// <summary>The best-scoring type when the result is unknown (below its threshold), else null.</summary>
    public string? BestGuess { get; init; }

    /// <summary>The producer-supplied hint, if any.</summary>
    public string? Hint { get; init; }

    /// <summary>True when a hint was given and the detector chose something else.</summary>
    public bool HintDisagreed { get; init; }

    /// <summary>The module that will normalize the event; null for unknown.</summary>
    public ISourceModule? Module { get; init; }
}
