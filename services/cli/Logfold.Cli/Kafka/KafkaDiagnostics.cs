using System.Text.RegularExpressions;
using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Client errors and warnings for stderr. librdkafka repeats the same failure (a refused connection) many times a
/// second while it retries; each distinct message is printed once, at most <see cref="MaxLines"/> in all.
/// Called from librdkafka's threads.
/// </summary>
internal sealed partial class KafkaDiagnostics(TextWriter stderr)
{
    public const int MaxLines = 5;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _printed;

    public void Log(LogMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Level <= SyslogLevel.Critical)
        {
            Print($"kafka: {message.Level}: {message.Facility}: {message.Message}");
        }
    }

    public void Error(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Print("kafka: " + (error.IsFatal ? "fatal: " : "error: ") + error.Reason);
    }

    private void Print(string line)
    {
        // "(after 0ms in state CONNECT, 3 identical error(s) suppressed)" varies between repeats of one failure.
        var key = Volatile().Replace(line, string.Empty);
        lock (_seen)
        {
            if (_printed > MaxLines || !_seen.Add(key))
            {
                return;
            }

            _printed++;
            stderr.WriteLine(_printed > MaxLines ? "kafka: (further client errors not shown)" : line);
        }
    }

    [GeneratedRegex(@"\s*\(after [^)]*\)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Volatile();
}
