namespace Logfold.Processing.Enrich;

/// <summary>A data file that can be reloaded on demand (the admin endpoint lists and reloads these).</summary>
public interface IReloadable
{
    /// <summary>The full path of the file.</summary>
    string Path { get; }

    /// <summary>The version in use (1 after the first load).</summary>
    long Version { get; }

    /// <summary>When the data in use was loaded.</summary>
    DateTimeOffset LastLoaded { get; }

    /// <summary>Why the latest reload was rejected, or null.</summary>
    Exception? LastError { get; }

    /// <summary>Loads the file now; true when new data is in use, false when the old data stays.</summary>
    bool Reload();
}
