namespace Logfold.Contracts;

/// <summary>
/// A record on <c>logs.detected</c>: the raw event exactly as produced, plus what the detector decided.
/// Mutable so that decoders can reuse one instance per consumer.
/// </summary>
public sealed class DetectedRecord
{
    /// <summary>The raw event bytes, unchanged (for a CloudTrail Records file: one record's bytes).</summary>
    public byte[] Raw { get; set; } = [];

    /// <summary>The detected source type, or <c>unknown</c>.</summary>
    public string Source { get; set; } = "unknown";

    /// <summary>The detector's confidence in <see cref="Source"/>, in [0,1].</summary>
    public double Confidence { get; set; }

    /// <summary>The best guess when <see cref="Source"/> is <c>unknown</c>.</summary>
    public string? BestGuess { get; set; }

    /// <summary>The producer-supplied hint, when there was one.</summary>
    public string? Hint { get; set; }

    /// <summary>True when the detector disagreed with <see cref="Hint"/>.</summary>
    public bool HintDisagreed { get; set; }

    /// <summary>The ranked alternatives (source type and score), best first.</summary>
    public List<DetectedAlternative> Alternatives { get; } = [];

    /// <summary>The host the event came from, when the detector could read it cheaply (used as the Kafka key).</summary>
    public string? SourceHost { get; set; }

    /// <summary>When the raw record was produced (the <c>logs.raw</c> record timestamp), in Unix milliseconds.</summary>
    public long RawTimestampMs { get; set; }

    /// <summary>Clears every field for reuse.</summary>
    public void Reset()
    {
        Raw = [];
        Source = "unknown";
        Confidence = 0;
        BestGuess = null;
        Hint = null;
        HintDisagreed = false;
        Alternatives.Clear();
        SourceHost = null;
        RawTimestampMs = 0;
    }
}
