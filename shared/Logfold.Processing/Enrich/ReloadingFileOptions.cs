namespace Logfold.Processing.Enrich;

/// <summary>How a <see cref="ReloadingFile{T}"/> notices that its file changed.</summary>
public sealed class ReloadingFileOptions
{
    /// <summary>The defaults: watch the directory, 500 ms debounce, no polling.</summary>
    public static ReloadingFileOptions Default { get; } = new();

    /// <summary>Watch the file's directory for changes (create, write, rename-replace, delete). Default true.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>
    /// How long the file must stay quiet after a change before it is reloaded, so a burst of writes (or a
    /// delete followed by a rename into place) costs one load. Default 500 ms.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When set, also check the file's size and write time at this interval and reload when they changed.
    /// A change is loaded once size and write time are the same on two polls in a row (so a file caught mid-write
    /// waits). For file systems without change notifications (some network and container mounts). Default off.
    /// </summary>
    public TimeSpan? PollInterval { get; init; }
}
