using System.Globalization;

namespace Logfold.LoadTest;

/// <summary>
/// CPU time per thread from Linux <c>/proc</c> (user + system, in clock ticks of 10 ms). Off Linux every value is
/// reported as unknown (-1), and only the process total is available.
/// </summary>
internal static class ThreadCpu
{
    private const double TicksPerSecond = 100.0; // USER_HZ, 100 on every mainstream Linux build.

    /// <summary>The calling thread's CPU seconds, or -1 when unavailable.</summary>
    public static double CurrentThreadSeconds() => ReadSeconds("/proc/thread-self/stat");

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
