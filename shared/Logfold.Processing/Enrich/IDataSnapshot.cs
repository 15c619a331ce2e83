namespace Logfold.Processing.Enrich;

/// <summary>
/// The current version of one enrichment data set (an IOC list, an asset table, an MMDB reader...).
/// Readers take <see cref="Current"/> once per event and use that instance throughout, so a reload that swaps
/// the data in between is atomic from the event's point of view. Implementations: a fixed value for tests, and
/// a file-backed one that reloads on change and keeps the old data when the new file is broken.
/// </summary>
/// <typeparam name="T">The immutable data type.</typeparam>
public interface IDataSnapshot<out T>
    where T : class
{
    /// <summary>The data in use now. Never null once constructed.</summary>
    T Current { get; }
}
