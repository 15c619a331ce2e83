namespace Logfold.Contracts;

/// <summary>One ranked alternative the detector considered.</summary>
/// <param name="Source">The source type.</param>
/// <param name="Score">Its score in [0,1].</param>
public readonly record struct DetectedAlternative(string Source, double Score);
