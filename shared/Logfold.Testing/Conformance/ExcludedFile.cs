namespace Logfold.Testing.Conformance;

/// <summary>A corpus file the runner did not grade, and why.</summary>
/// <param name="Source">The corpus folder (source type label).</param>
/// <param name="File">The file name.</param>
/// <param name="Reason">Why it was not graded.</param>
public sealed record ExcludedFile(string Source, string File, string Reason);
