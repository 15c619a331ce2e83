namespace Logfold.Processing.Enrich;

/// <summary>The outcome of one load attempt of a <see cref="ReloadingFile{T}"/>, passed to its callback.</summary>
/// <param name="Path">The file.</param>
/// <param name="Succeeded">True when the new data is now in use; false when the old data stays.</param>
/// <param name="Version">The version in use after the attempt (1 after the first load, +1 per successful reload).</param>
/// <param name="At">When the attempt finished.</param>
/// <param name="Error">Why the file was rejected, or null on success.</param>
public sealed record DataReloadReport(string Path, bool Succeeded, long Version, DateTimeOffset At, Exception? Error);
