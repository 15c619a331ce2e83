namespace Logfold.Processing.Enrich;

/// <summary>What factories need to build enrichers: the clock, the reload settings, and a place to track data files.</summary>
public sealed class EnricherContext : IDisposable
{
    private readonly List<IReloadable> _files = [];
    private readonly List<IDisposable> _owned = [];

    /// <summary>The clock (and timer source) for reload bookkeeping and caches.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How data files are watched.</summary>
    public ReloadingFileOptions Reload { get; init; } = ReloadingFileOptions.Default;

    /// <summary>Called after every reload attempt of every data file (the host logs it).</summary>
    public Action<DataReloadReport>? OnReload { get; init; }

    /// <summary>The directory relative data paths resolve against (the working directory when null).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Every data file opened so far.</summary>
    public IReadOnlyList<IReloadable> Files => _files;

    /// <summary>Resolves a configured path against <see cref="DataDirectory"/>.</summary>
    public string ResolvePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return System.IO.Path.GetFullPath(DataDirectory is null ? path : System.IO.Path.Combine(DataDirectory, path));
    }

    /// <summary>Loads a data file (throwing <see cref="EnrichmentDataException"/> if it is bad) and keeps it reloading.</summary>
    public ReloadingFile<T> OpenFile<T>(string path, Func<string, T> loader)
        where T : class
    {
        var file = new ReloadingFile<T>(ResolvePath(path), loader, Reload, Time, OnReload);
        _files.Add(file);
        _owned.Add(file);
        return file;
    }

    /// <summary>Disposes something with the context (caches, readers...).</summary>
    public void Own(IDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _owned.Add(resource);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
