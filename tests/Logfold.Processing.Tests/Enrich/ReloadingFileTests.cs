using Logfold.Processing.Enrich;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Enrich;

public sealed class ReloadingFileTests : IDisposable
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("logfold-reload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Words(string Text);

    private static Words LoadWords(string path)
    {
        var text = File.ReadAllText(path).Trim();
        if (text.StartsWith("broken", StringComparison.Ordinal))
        {
            throw new EnrichmentDataException($"{path}: line 1: not a valid word list");
        }

        return new Words(text);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static ReloadingFileOptions Fast => new() { Debounce = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public void Constructor_ValidFile_LoadsVersionOne()
    {
        var time = new FixedTimeProvider(FixedTimeProvider.GoldenNow);
        using var file = new ReloadingFile<Words>(WriteFile("a.txt", "alpha"), LoadWords, new() { Watch = false }, time);

        Assert.Equal("alpha", file.Current.Text);
        Assert.Equal(1, file.Version);
        Assert.Equal(FixedTimeProvider.GoldenNow, file.LastLoaded);
        Assert.Null(file.LastError);
    }

    [Fact]
    public void Constructor_BrokenFile_ThrowsNamingTheFile()
    {
        var path = WriteFile("a.txt", "broken");

        var ex = Assert.Throws<EnrichmentDataException>(() => new ReloadingFile<Words>(path, LoadWords, new() { Watch = false }));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsEnrichmentDataExceptionWithCause()
    {
        var path = Path.Combine(_dir, "missing.txt");

        var ex = Assert.Throws<EnrichmentDataException>(() => new ReloadingFile<Words>(path, LoadWords));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(ex.InnerException);
    }

    [Fact]
    public void Constructor_MissingDirectory_ThrowsEnrichmentDataExceptionNamingTheFile()
    {
        var path = Path.Combine(_dir, "no-such-dir", "feed.txt");

        var ex = Assert.Throws<EnrichmentDataException>(() => new ReloadingFile<Words>(path, LoadWords));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_FileChanged_SwapsDataAndBumpsVersion()
    {
        var time = new FixedTimeProvider(FixedTimeProvider.GoldenNow);
        var path = WriteFile("a.txt", "alpha");
        var reports = new List<DataReloadReport>();
        using var file = new ReloadingFile<Words>(path, LoadWords, new() { Watch = false }, time, reports.Add);
        var before = file.Current;
        File.WriteAllText(path, "beta");
        time.Advance(TimeSpan.FromMinutes(5));

        var swapped = file.Reload();

        Assert.True(swapped);
        Assert.Equal("beta", file.Current.Text);
        Assert.Equal("alpha", before.Text);
        Assert.Equal(2, file.Version);
        Assert.Equal(FixedTimeProvider.GoldenNow.AddMinutes(5), file.LastLoaded);
        var report = Assert.Single(reports);
        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Version);
        Assert.Equal(file.Path, report.Path);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsOldDataAndKeepsTheError()
    {
        var time = new FixedTimeProvider(FixedTimeProvider.GoldenNow);
        var path = WriteFile("a.txt", "alpha");
        var reports = new List<DataReloadReport>();
        using var file = new ReloadingFile<Words>(path, LoadWords, new() { Watch = false }, time, reports.Add);
        File.WriteAllText(path, "broken content");
        time.Advance(TimeSpan.FromMinutes(1));

        var swapped = file.Reload();

        Assert.False(swapped);
        Assert.Equal("alpha", file.Current.Text);
        Assert.Equal(1, file.Version);
        Assert.Equal(FixedTimeProvider.GoldenNow, file.LastLoaded);
        Assert.IsType<EnrichmentDataException>(file.LastError);
        Assert.Contains("not a valid word list", file.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal(FixedTimeProvider.GoldenNow.AddMinutes(1), file.LastErrorAt);
        var report = Assert.Single(reports);
        Assert.False(report.Succeeded);
        Assert.Same(file.LastError, report.Error);

        File.WriteAllText(path, "gamma");
        Assert.True(file.Reload());
        Assert.Equal("gamma", file.Current.Text);
        Assert.Equal(2, file.Version);
        Assert.Null(file.LastError);
        Assert.Null(file.LastErrorAt);
    }

    [Fact]
    public void Reload_LoaderThrowsOtherException_WrapsItAndKeepsOldData()
    {
        var path = WriteFile("a.txt", "alpha");
        var fail = false;
        using var file = new ReloadingFile<Words>(path, p => fail ? throw new FormatException("bad number") : LoadWords(p), new() { Watch = false });
        fail = true;

        Assert.False(file.Reload());

        var error = Assert.IsType<EnrichmentDataException>(file.LastError);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("alpha", file.Current.Text);
    }

    [Fact]
    public void Reload_LoaderReturnsNull_RejectsTheFile()
    {
        var path = WriteFile("a.txt", "alpha");
        var empty = false;
        using var file = new ReloadingFile<Words>(path, p => empty ? null! : LoadWords(p), new() { Watch = false });
        empty = true;

        Assert.False(file.Reload());
        Assert.Equal("alpha", file.Current.Text);
        Assert.NotNull(file.LastError);
    }

    [Fact]
    public void Reload_CallbackThrows_StillSwaps()
    {
        var path = WriteFile("a.txt", "alpha");
        using var file = new ReloadingFile<Words>(path, LoadWords, new() { Watch = false }, onReload: _ => throw new InvalidOperationException("callback"));
        File.WriteAllText(path, "beta");

        Assert.True(file.Reload());
        Assert.Equal("beta", file.Current.Text);
    }

    [Fact]
    public void Reload_AfterDispose_Throws()
    {
        var file = new ReloadingFile<Words>(WriteFile("a.txt", "alpha"), LoadWords);
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => file.Reload());
    }

    [Fact]
    public async Task Reload_UnderConcurrentReaders_ReadersOnlySeeWholeSnapshots()
    {
        // Each file version is an array filled with one number; a torn read would show two numbers.
        var path = WriteFile("n.txt", "0");
        static int[] Load(string p)
        {
            var n = int.Parse(File.ReadAllText(p), System.Globalization.CultureInfo.InvariantCulture);
            var data = new int[256];
            Array.Fill(data, n);
            return data;
        }

        using var file = new ReloadingFile<int[]>(path, Load, new() { Watch = false });
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reads = 0L;
        var readers = new Task[3];
        // Reloads start only once every reader is reading, so they overlap even on a busy machine.
        using var reading = new CountdownEvent(readers.Length);
        for (var r = 0; r < readers.Length; r++)
        {
            readers[r] = Task.Run(() =>
            {
                var last = 0;
                var signalled = false;
                while (!stop.IsCancellationRequested)
                {
                    var snapshot = file.Current;
                    var first = snapshot[0];
                    for (var i = 1; i < snapshot.Length; i++)
                    {
                        if (snapshot[i] != first)
                        {
                            Interlocked.Increment(ref torn);
                        }
                    }

                    if (first < last)
                    {
                        Interlocked.Increment(ref torn); // versions never go backwards
                    }

                    last = first;
                    Interlocked.Increment(ref reads);
                    if (!signalled)
                    {
                        signalled = true;
                        reading.Signal();
                    }
                }
            });
        }

        Assert.True(reading.Wait(TimeSpan.FromSeconds(60)), "the reader tasks never started");
        for (var v = 1; v <= 200; v++)
        {
            File.WriteAllText(path, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(file.Reload());
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(0, torn);
        Assert.True(Interlocked.Read(ref reads) > 0);
        Assert.Equal(200, file.Current[0]);
        Assert.Equal(201, file.Version);
    }

    [Fact]
    public async Task Reload_ConcurrentAdminCalls_EachSucceedsAndVersionsAddUp()
    {
        var path = WriteFile("a.txt", "alpha");
        using var file = new ReloadingFile<Words>(path, LoadWords, new() { Watch = false });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(file.Reload)));

        Assert.All(results, Assert.True);
        Assert.Equal(9, file.Version);
    }

    [Fact]
    public async Task Watch_AtomicRenameReplace_PicksUpNewData()
    {
        var path = WriteFile("ioc.txt", "alpha");
        var reloaded = new TaskCompletionSource<DataReloadReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var file = new ReloadingFile<Words>(path, LoadWords, Fast, onReload: r => reloaded.TrySetResult(r));
        var temp = WriteFile("ioc.txt.tmp", "beta");

        File.Move(temp, path, overwrite: true);
        var report = await reloaded.Task.WaitAsync(EventWait);

        Assert.True(report.Succeeded);
        Assert.Equal("beta", file.Current.Text);
        Assert.Equal(2, file.Version);
    }

    [Fact]
    public async Task Watch_InPlaceWrite_PicksUpNewData()
    {
        var path = WriteFile("ioc.txt", "alpha");
        using var file = new ReloadingFile<Words>(path, LoadWords, Fast);

        // An in-place write truncates first; on a loaded machine the empty file may load before the text lands,
        // and the next change event then loads the final content.
        await File.WriteAllTextAsync(path, "beta");

        Assert.True(await WaitUntil(() => file.Current.Text == "beta"));
        Assert.True(file.Version >= 2);
    }

    private static async Task<bool> WaitUntil(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(EventWait.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    [Fact]
    public async Task Watch_BrokenFileWritten_KeepsOldDataAndReportsError()
    {
        var path = WriteFile("ioc.txt", "alpha");
        var reloaded = new TaskCompletionSource<DataReloadReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var file = new ReloadingFile<Words>(path, LoadWords, Fast, onReload: r => reloaded.TrySetResult(r));
        var temp = WriteFile("ioc.txt.tmp", "broken!");

        File.Move(temp, path, overwrite: true);
        var report = await reloaded.Task.WaitAsync(EventWait);

        Assert.False(report.Succeeded);
        Assert.IsType<EnrichmentDataException>(report.Error);
        Assert.Equal("alpha", file.Current.Text);
        Assert.Equal(1, file.Version);
    }

    [Fact]
    public async Task Watch_OtherFileInDirectoryChanges_DoesNotReload()
    {
        var path = WriteFile("ioc.txt", "alpha");
        var reports = 0;
        var reloaded = new TaskCompletionSource<DataReloadReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var file = new ReloadingFile<Words>(path, LoadWords, Fast, onReload: r =>
        {
            Interlocked.Increment(ref reports);
            reloaded.TrySetResult(r);
        });

        // An unrelated file changes, and several debounce periods pass: nothing is reloaded.
        WriteFile("other.txt", "noise");
        File.Move(WriteFile("other.tmp", "noise"), Path.Combine(_dir, "other2.txt"));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.Equal(0, Volatile.Read(ref reports));

        await File.WriteAllTextAsync(path, "beta");
        await reloaded.Task.WaitAsync(EventWait);

        Assert.Equal("beta", file.Current.Text);
        Assert.Equal(2, file.Version);
    }

    [Fact]
    public async Task Poll_FileChangedWithoutWatcher_PicksUpNewData()
    {
        var path = WriteFile("ioc.txt", "alpha");
        var options = new ReloadingFileOptions { Watch = false, PollInterval = TimeSpan.FromMilliseconds(50) };
        using var file = new ReloadingFile<Words>(path, LoadWords, options);

        await File.WriteAllTextAsync(path, "a much longer beta");

        Assert.True(await WaitUntil(() => file.Current.Text == "a much longer beta"));
    }
}
