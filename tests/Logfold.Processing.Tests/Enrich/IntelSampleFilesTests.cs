using Logfold.Processing.Enrich.Assets;
using Logfold.Processing.Enrich.ThreatIntel;
using Logfold.Processing.Enrich.Users;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Enrich;

/// <summary>The sample data shipped in config/enrichment/samples loads and holds what its comments say.</summary>
public sealed class IntelSampleFilesTests
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Root, "config", "enrichment", "samples", name);

    [Theory]
    [InlineData("threat-intel/ioc-list.txt", 7, 0)]
    [InlineData("threat-intel/ioc.csv", 4, 0)]
    [InlineData("threat-intel/stix-bundle.json", 4, 1)]
    [InlineData("threat-intel/misp-export.csv", 5, 2)]
    public void ThreatIntelSamples_Load(string file, int count, int skipped)
    {
        var table = ThreatIntelTable.Load(Sample(file));

        Assert.Equal(count, table.Count);
        Assert.Equal(skipped, table.Skipped);
    }

    [Theory]
    [InlineData("assets.csv", 4)]
    [InlineData("assets.yaml", 5)]
    public void AssetSamples_Load(string file, int keys)
    {
        Assert.Equal(keys, AssetTable.Load(Sample(file)).Count);
    }

    [Theory]
    [InlineData("users.csv", 4)]
    [InlineData("users.yaml", 2)]
    public void UserSamples_Load(string file, int users)
    {
        Assert.Equal(users, UserTable.Load(Sample(file)).Count);
    }
}
