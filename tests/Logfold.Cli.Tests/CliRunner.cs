using System.Text;
using Logfold.Testing;

namespace Logfold.Cli.Tests;

/// <summary>Runs the CLI in-process with in-memory stdin/stdout/stderr.</summary>
internal sealed class CliRunner
{
    public static CliResult Run(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var outText = new StringWriter();
        using var err = new StringWriter();
        var code = CliApp.Run(args, input, output, outText, err, new FixedTimeProvider(FixedTimeProvider.GoldenNow));
        return new CliResult(code, Encoding.UTF8.GetString(output.ToArray()) + outText, err.ToString());
    }

    public static CliResult RunBytes(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var outText = new StringWriter();
        using var err = new StringWriter();
        var code = CliApp.Run(args, input, output, outText, err, new FixedTimeProvider(FixedTimeProvider.GoldenNow));
        return new CliResult(code, Encoding.UTF8.GetString(output.ToArray()) + outText, err.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
