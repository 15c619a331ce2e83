using System.Text.Json.Nodes;

namespace Logfold.Cli.Tests;

public sealed class CliConfigTests
{
    private static string WriteConfig(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"logfold-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Normalize_ConfigFile_SetsZoneAndKeepOriginal()
    {
        var path = WriteConfig("Logfold:\n  Normalize:\n    Timezone: \"+02:00\"\n    KeepOriginal: true\n");
        try
        {
            var result = CliRunner.Run("<13>Mar 10 02:00:00 host1 app: hello\n", "normalize", "--config", path);

            Assert.Equal(0, result.ExitCode);
            var doc = JsonNode.Parse(result.Lines[0])!;
            Assert.Equal("2026-03-10T00:00:00.000Z", (string?)doc["@timestamp"]);
            Assert.NotNull(doc["event"]!["original"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Normalize_FlagOverridesConfig()
    {
        var path = WriteConfig("Logfold:\n  Normalize:\n    Timezone: \"+02:00\"\n");
        try
        {
            var result = CliRunner.Run("<13>Mar 10 02:00:00 host1 app: hello\n", "normalize", "--config", path, "--timezone", "UTC");

            Assert.Equal("2026-03-10T02:00:00.000Z", (string?)JsonNode.Parse(result.Lines[0])!["@timestamp"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Logfold:\n  Normalize:\n    Timezon: UTC\n", "Timezon")]
    [InlineData("Logfold:\n  Normalize:\n    Timezone: Mars/Olympus\n", "Mars/Olympus")]
    [InlineData("Logfold:\n  Detection:\n    Thresholds:\n      paloalto: 3\n", "paloalto")]
    [InlineData("Logfld:\n  Normalize:\n    Timezone: UTC\n", "Logfld")]
    public void Normalize_BadConfig_ExitsTwoNamingTheProblem(string yaml, string named)
    {
        var path = WriteConfig(yaml);
        try
        {
            var result = CliRunner.Run("x\n", "normalize", "--config", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Detect_ShippedConfigFile_IsValid()
    {
        var shipped = Path.Combine(Logfold.Testing.RepoPaths.Root, "config", "logfold.yaml");

        var result = CliRunner.Run("x\n", "detect", "--config", shipped);

        Assert.Equal(0, result.ExitCode);
    }
}
