namespace Logfold.Processing.Enrich;

/// <summary>
/// An <see cref="IDataSnapshot{T}"/> backed by a file: loaded once at start (a failure throws, so start-up
/// fails clearly), then reloaded when the file changes or when <see cref="Reload"/> is called (an admin call).
/// </summary>
/// <remarks>
/// <para>The watcher observes the file's directory, so an atomic replace (write a temporary file, then rename
/// it over the old one), a delete-and-create, an in-place write, and a Kubernetes ConfigMap update (a swap of
/// the <c>..data</c> link) are all seen. Events are debounced: the file loads once it has been quiet for
/// <see cref="ReloadingFileOptions.Debounce"/>.</para>
/// <para>A load builds the new data completely, off to the side, and then publishes it with one volatile write:
/// readers see the old instance or the new one, never a mix. A loader that throws (an
/// <see cref="EnrichmentDataException"/> or anything else) or returns null rejects the file: the old data stays
/// in use, and the error is kept in <see cref="LastError"/> and passed to the callback.</para>
/// <para>Replaced instances are not disposed (readers may still hold them); loaders should build data the GC
/// owns (for MaxMind readers, <c>FileAccessMode.Memory</c>).</para>
/// </remarks>
/// <typeparam name="T">The immutable data built from the file.</typeparam>
public sealed class ReloadingFile<T> : IDataSnapshot<T>, IReloadable, IDisposable
    where T : class
{
    private readonly Func<string, T> _loader;
    private readonly TimeProvider _time;
    private readonly Action<DataReloadReport>? _onReload;
    private readonly ReloadingFileOptions _options;
    private readonly Lock _gate = new();
    private readonly string _fileName;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounceTimer;
    private readonly ITimer? _pollTimer;
    private (long Length, DateTime WriteTime) _stamp;
    private (long Length, DateTime WriteTime)? _pendingStamp;
    private T _current;
    private long _version;
    private Exception? _lastError;
    private DateTimeOffset _lastLoaded;
    private DateTimeOffset? _lastErrorAt;
    private bool _disposed;

    /// <summary>Loads <paramref name="path"/> and starts watching it.</summary>
    /// <param name="path">The data file.</param>
    /// <param name="loader">Builds the data from the file; throws <see cref="EnrichmentDataException"/> for bad content.</param>
    /// <param name="options">Watch, debounce and polling settings (defaults when null).</param>
    /// <param name="timeProvider">The clock and timer source (the system clock when null).</param>
    /// <param name="onReload">Called after every reload attempt (not the first load), success or failure.</param>
    /// <exception cref="EnrichmentDataException">The first load failed; the message names the file.</exception>
    public ReloadingFile(
        string path,
        Func<string, T> loader,
        ReloadingFileOptions? options = null,
        TimeProvider? timeProvider = null,
        Action<DataReloadReport>? onReload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(loader);
        Path = System.IO.Path.GetFullPath(path);
        _fileName = System.IO.Path.GetFileName(Path);
        _loader = loader;
        _options = options ?? ReloadingFileOptions.Default;
        _time = timeProvider ?? TimeProvider.System;
        _onReload = onReload;

        // Watch first, so a change made while the first load runs is not missed.
        if (_options.Watch)
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                throw new EnrichmentDataException($"{Path}: the directory {directory} does not exist.");
            }

            _debounceTimer = _time.CreateTimer(static s => ((ReloadingFile<T>)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = CreateWatcher();
        }

        try
        {
            _stamp = ReadStamp();
            _current = LoadOrThrow();
        }
        catch
        {
            _watcher?.Dispose();
            _debounceTimer?.Dispose();
            throw;
        }

        _version = 1;
        _lastLoaded = _time.GetUtcNow();
        if (_options.PollInterval is { } poll && poll > TimeSpan.Zero)
        {
            _pollTimer = _time.CreateTimer(static s => ((ReloadingFile<T>)s!).OnPoll(), this, poll, poll);
        }
    }

    /// <summary>The full path of the data file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public T Current => Volatile.Read(ref _current);

    /// <summary>The version in use: 1 after the first load, incremented by every successful reload.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>When the data in use was loaded.</summary>
    public DateTimeOffset LastLoaded
    {
        get
        {
            lock (_gate)
            {
                return _lastLoaded;
            }
        }
    }

    /// <summary>Why the latest reload was rejected, or null when the latest attempt succeeded.</summary>
    public Exception? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>When the latest rejected reload happened, or null when the latest attempt succeeded.</summary>
    public DateTimeOffset? LastErrorAt
    {
        get
        {
            lock (_gate)
            {
                return _lastErrorAt;
            }
        }
    }

    /// <summary>
    /// Loads the file now (the admin call). On success the new data replaces the old atomically; on failure the
    /// old data stays and the error is kept. Never throws for a bad file. Concurrent calls run one at a time.
    /// </summary>
    /// <returns>True when new data is in use.</returns>
    public bool Reload()
    {
        DataReloadReport report;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                _stamp = ReadStamp();
                var next = LoadOrThrow();
                Volatile.Write(ref _current, next);
                Interlocked.Increment(ref _version);
                _lastLoaded = _time.GetUtcNow();
                _lastError = null;
                _lastErrorAt = null;
                report = new DataReloadReport(Path, true, _version, _lastLoaded, null);
            }
            catch (Exception ex)
            {
                _lastError = ex;
                _lastErrorAt = _time.GetUtcNow();
                report = new DataReloadReport(Path, false, _version, _lastErrorAt.Value, ex);
            }
        }

        Notify(report);
        return report.Succeeded;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _watcher?.Dispose();
        _debounceTimer?.Dispose();
        _pollTimer?.Dispose();
    }

    private T LoadOrThrow()
    {
        T? data;
        try
        {
            data = _loader(Path);
        }
        catch (EnrichmentDataException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new EnrichmentDataException($"Could not load '{Path}': {ex.Message}", ex);
        }

        return data ?? throw new EnrichmentDataException($"Could not load '{Path}': the loader returned no data.");
    }

    private void Notify(DataReloadReport report)
    {
        try
        {
            _onReload?.Invoke(report);
        }
        catch (Exception)
        {
            // A faulty callback must not break reloading; the state is still visible through the properties.
        }
    }

    private FileSystemWatcher CreateWatcher()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        watcher.Changed += (_, e) => OnFileEvent(e.Name);
        watcher.Created += (_, e) => OnFileEvent(e.Name);
        watcher.Deleted += (_, e) => OnFileEvent(e.Name);
        watcher.Renamed += (_, e) =>
        {
            OnFileEvent(e.Name);
            OnFileEvent(e.OldName);
        };
        watcher.Error += (_, _) => Schedule();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnFileEvent(string? name)
    {
        if (name is null)
        {
            return;
        }

        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(name, _fileName, comparison) || name.StartsWith("..data", StringComparison.Ordinal))
        {
            Schedule();
        }
    }

    // Restarts the quiet period: the load happens once no event arrived for the debounce interval.
    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _debounceTimer?.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimer()
    {
        try
        {
            Reload();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the timer fired.
        }
    }

    // A changed size or write time is loaded once it is the same on two polls in a row, so a file caught
    // mid-write is not loaded half-written.
    private void OnPoll()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var stamp = ReadStamp();
            if (stamp == _stamp)
            {
                _pendingStamp = null;
                return;
            }

            if (_pendingStamp != stamp)
            {
                _pendingStamp = stamp;
                return;
            }

            _pendingStamp = null;
        }

        OnTimer();
    }

    private (long Length, DateTime WriteTime) ReadStamp()
    {
        try
        {
            var info = new FileInfo(Path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
        }
        catch (IOException)
        {
            return (-1, default);
        }
        catch (UnauthorizedAccessException)
        {
            return (-1, default);
        }
    }
}
