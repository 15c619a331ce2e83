using System.Globalization;
using Logfold.Processing.Pipeline;
using Logfold.Testing.Conformance;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold conformance --corpus DIR [--source TYPE] [--output FILE] [--details FILE]</c>: grades detection
/// and ECS field agreement against a real-log corpus and prints a Markdown report.
/// </summary>
internal static class ConformanceCommand
{
    private static readonly HashSet<string> Values = ["--corpus", "--source", "--output", "--details"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliArgs.Parse(args, Values, new HashSet<string>());
        var corpus = options.Get("--corpus") ?? throw new CliUsageException("--corpus DIR is required (for example ../shared/corpus/dev).");
        if (!Directory.Exists(corpus))
        {
            stderr.WriteLine($"logfold: corpus folder '{corpus}' does not exist.");
            return 1;
        }

        using var details = options.Get("--details") is { } d ? new StreamWriter(d) : null;
        var runner = new ConformanceRunner(LogNormalizer.CreateDefault()) { DetailWriter = details };
        var report = runner.Run(corpus, options.Get("--source"));
        var markdown = report.ToMarkdown(ConformanceRunner.CoreSources);
        if (options.Get("--output") is { } path)
        {
            File.WriteAllText(path, markdown);
        }
        else
        {
            stdout.Write(markdown);
        }

        foreach (var s in report.Sources.Values)
        {
            if (ConformanceRunner.CoreSources.Contains(s.Source))
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Source}: detection {100.0 * s.Correct / Math.Max(1, s.Events):0.0}% of {s.Events}, ECS core fields {100 * s.Primary.Ratio:0.0}% of {s.Primary.Total}"));
            }
        }

        return 0;
    }
}
