namespace Logfold.Processing.Detect;

/// <summary>One candidate source type and its confidence.</summary>
/// <param name="SourceType">The source type name.</param>
/// <param name="Confidence">The confidence in [0,1].</param>
public readonly record struct SourceScore(string SourceType, double Confidence);
