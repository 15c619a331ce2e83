using System.Text.Json.Nodes;

namespace Logfold.Cli.Tests;

public sealed class DetectCommandTests
{
    [Fact]
    public void Detect_EachLine_PrintsSourceConfidenceAndAlternatives()
    {
        var result = CliRunner.Run("plain text\nanother\n", "detect");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        var first = JsonNode.Parse(result.Lines[0])!;
        Assert.Equal(1L, (long)first["line"]!);
        Assert.NotNull((string?)first["source"]);
        Assert.NotNull(first["confidence"]);
        Assert.IsType<JsonArray>(first["alternatives"]);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var result = CliRunner.Run(string.Empty, "help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("logfold normalize", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run(string.Empty, "frobnicate").ExitCode);
    }
}
