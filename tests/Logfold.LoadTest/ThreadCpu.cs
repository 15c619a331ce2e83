using System.Globalization;
using System.Runtime.InteropServices;

namespace Logfold.LoadTest;

/// <summary>
/// CPU time per thread on Linux: the calling thread's precisely (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, in
/// nanoseconds), and every thread's from <c>/proc</c> (user + system, in 10 ms clock ticks). Off Linux the values
/// are unknown (-1 or 0), and only the process total is available.
/// </summary>
internal static partial class ThreadCpu
{
    private const double TicksPerSecond = 100.0; // USER_HZ, 100 on every mainstream Linux build.
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID
    private static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>The calling thread's CPU time in nanoseconds (0 when unavailable).</summary>
    public static long CurrentThreadNanoseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTime, out var ts) != 0)
        {
            return 0;
        }

        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    /// <summary>The calling thread's CPU seconds, or -1 when unavailable.</summary>
    public static double CurrentThreadSeconds() => Available ? CurrentThreadNanoseconds() / 1e9 : -1;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>CPU seconds per thread name of this process's live threads, summed by name group.</summary>
    public static SortedDictionary<string, double> ByGroup()
    {
        var groups = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task"))
        {
            return groups;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string comm;
            try
            {
                comm = File.ReadAllText(Path.Combine(task, "comm")).Trim();
            }
            catch (IOException)
            {
                continue; // The thread ended while we looked.
            }

            if (comm.StartsWith("stage-", StringComparison.Ordinal))
            {
                continue; // Stage loop threads measure themselves when they stop.
            }

            var seconds = ReadSeconds(Path.Combine(task, "stat"));
            if (seconds > 0)
            {
                var group = Group(comm);
                groups[group] = (groups.TryGetValue(group, out var s) ? s : 0) + seconds;
            }
        }

        return groups;
    }

    /// <summary>Folds numbered thread names (rdk:broker1, .NET TP Worker) into groups.</summary>
    private static string Group(string comm)
    {
        if (comm.StartsWith("rdk:broker", StringComparison.Ordinal))
        {
            return "librdkafka broker threads";
        }

        if (comm.StartsWith("rdk:mock", StringComparison.Ordinal))
        {
            return "mock cluster";
        }

        if (comm.StartsWith("rdk:", StringComparison.Ordinal))
        {
            return "librdkafka other (" + comm + ")";
        }

        if (comm.StartsWith("load-", StringComparison.Ordinal))
        {
            return comm;
        }

        if (comm.StartsWith(".NET", StringComparison.Ordinal))
        {
            return ".NET runtime (" + comm.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Trim() + ")";
        }

        return "other (" + comm + ")";
    }

    private static double ReadSeconds(string statPath)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }

        // The command name is in parentheses and may hold spaces: count fields after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return -1;
        }

        var fields = stat[(close + 2)..].Split(' ');

        // After the name: state(3) ppid(4) ... utime is field 14 and stime field 15 (1-based), i.e. index 11 and 12 here.
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stime))
        {
            return -1;
        }

        return (utime + stime) / TicksPerSecond;
    }
}
