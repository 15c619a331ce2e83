using System.ComponentModel.DataAnnotations;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Enrich;

/// <summary>The intel lane's enricher types built from configuration through the registry, and their data reloads.</summary>
public sealed class IntelChainTests : IDisposable
{
    private readonly EnrichTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static EnricherOptions Entry(string name, string type, string? path = null, params (string Key, string Value)[] settings)
    {
        var entry = new EnricherOptions { Name = name, Type = type, Path = path };
        foreach (var (key, value) in settings)
        {
            entry.Settings[key] = value;
        }

        return entry;
    }

    [Theory]
    [InlineData("threat_intel")]
    [InlineData("assets")]
    [InlineData("users")]
    [InlineData("reverse_dns")]
    [InlineData("user_agent")]
    public void Registry_Default_KnowsIntelTypes(string type)
    {
        Assert.Contains(type, EnricherRegistry.Default.Types);
    }

    [Fact]
    public void Create_AllIntelTypesFromOptions_EnrichOneEvent()
    {
        var options = new EnrichmentOptions
        {
            DataDirectory = _files.Dir,
            Enrichers =
            [
                Entry("ti", "threat_intel", null),
                Entry("assets", "assets", "assets.csv", ("Roles", "source,destination")),
                Entry("users", "users", "users.yaml"),
                Entry("rdns", "reverse_dns", null, ("Server", "127.0.0.1:9"), ("QueryTimeoutMilliseconds", "50")),
                Entry("ua", "user_agent"),
            ],
        };
        options.Enrichers[0].Paths = ["plain.txt", "stix.json"];
        _files.Write("plain.txt", "198.51.100.7\n");
        _files.Write("stix.json", """{"type":"bundle","objects":[{"type":"indicator","id":"indicator--d","pattern":"[domain-name:value = 'bad.example']","pattern_type":"stix"}]}""");
        _files.Write("assets.csv", "ip,name,owner\n10.0.0.5,laptop-7,alice\n");
        _files.Write("users.yaml", "users:\n  - user_name: alice\n    department: Sales\n");
        using var engine = EnrichmentEngine.Create(options, new EnricherContext { DataDirectory = _files.Dir, Reload = new ReloadingFileOptions { Watch = false } });
        var doc = EnrichTestFiles.Event(
            ("source.ip", "10.0.0.5"),
            ("destination.ip", "198.51.100.7"),
            ("dns.question.name", "www.bad.example"),
            ("user.name", "alice"),
            ("user_agent.original", "curl/8.4.0"));

        var summary = engine.Enrich(doc);

        Assert.Equal(4, summary.Hits);
        Assert.Equal(0, summary.Errors);
        Assert.Equal(4, engine.DataFiles.Count);
        Assert.Equal("laptop-7", EnrichTestFiles.Str(doc, "logfold.asset.source.name"));
        Assert.Equal("Sales", EnrichTestFiles.Str(doc, "logfold.user.department"));
        Assert.Equal("curl", EnrichTestFiles.Str(doc, "user_agent.name"));
        Assert.Contains("\"provider\":\"plain\"", EnrichTestFiles.Value(doc, "threat.enrichments").ToString(), StringComparison.Ordinal);
        Assert.Contains("\"provider\":\"stix\"", EnrichTestFiles.Value(doc, "threat.enrichments").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadIntelSettings_ReportsEachProblem()
    {
        var options = new EnrichmentOptions
        {
            Enrichers =
            [
                Entry("ti", "threat_intel", null, ("Format", "xml"), ("MaxEnrichments", "0"), ("Colour", "red")),
                Entry("assets", "assets", null, ("Roles", "observer")),
                Entry("users", "users", "u.csv", ("Roles", "boss")),
                Entry("rdns", "reverse_dns", null, ("Server", "dns.example"), ("MaxWaitMilliseconds", "5000")),
                Entry("ua", "user_agent", "x.txt"),
            ],
        };

        var problems = options.Validate(EnricherRegistry.Default).Select(r => r.ErrorMessage!).ToList();

        Assert.Contains(problems, p => p.Contains("'ti'", StringComparison.Ordinal) && p.Contains("Path or Paths is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Format 'xml'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxEnrichments", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'assets'", StringComparison.Ordinal) && p.Contains("Path is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'observer'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'boss'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Server 'dns.example'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxWaitMilliseconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ua'", StringComparison.Ordinal) && p.Contains("not used by user_agent", StringComparison.Ordinal));
        Assert.Throws<ValidationException>(() => EnrichmentEngine.Create(options, new EnricherContext()));
    }

    [Fact]
    public void Create_BrokenFeedAtStart_ThrowsWithFileAndLine()
    {
        var path = _files.Write("feed.txt", "198.51.100.7\nnot an indicator at all\n");
        var options = new EnrichmentOptions { Enrichers = [Entry("ti", "threat_intel", path)] };

        var ex = Assert.Throws<EnrichmentDataException>(() => EnrichmentEngine.Create(options, new EnricherContext { Reload = new ReloadingFileOptions { Watch = false } }));

        Assert.Contains(path + ":2:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("threat_intel", "feed.txt", "198.51.100.7\n", "198.51.100.7\n!!broken\n", "198.51.100.8\n")]
    [InlineData("assets", "assets.csv", "ip,name\n198.51.100.7,old\n", "ip,name\nnot-an-ip,x\n", "ip,name\n198.51.100.8,new\n")]
    [InlineData("users", "users.csv", "user_name,department\nbob,Old\n", "user_name,privileged\nbob,perhaps\n", "user_name,department\ncarol,New\n")]
    public void Reload_BrokenThenFixedFile_KeepsOldDataThenSwaps(string type, string file, string v1, string broken, string v2)
    {
        var path = _files.Write(file, v1);
        var options = new EnrichmentOptions { Enrichers = [Entry("e", type, path)] };
        using var engine = EnrichmentEngine.Create(options, new EnricherContext { Reload = new ReloadingFileOptions { Watch = false } });
        var data = Assert.Single(engine.DataFiles);
        Func<EcsDocument> oldKey = type == "users" ? () => EnrichTestFiles.Event(("user.name", "bob")) : () => EnrichTestFiles.Event(("source.ip", "198.51.100.7"));
        Func<EcsDocument> newKey = type == "users" ? () => EnrichTestFiles.Event(("user.name", "carol")) : () => EnrichTestFiles.Event(("source.ip", "198.51.100.8"));
        Assert.Equal(1, engine.Enrich(oldKey()).Hits);

        File.WriteAllText(path, broken);
        Assert.False(data.Reload());
        Assert.IsType<EnrichmentDataException>(data.LastError);
        Assert.Contains(path + ":", data.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal(1, engine.Enrich(oldKey()).Hits);

        File.WriteAllText(path, v2);
        Assert.True(data.Reload());
        Assert.Equal(0, engine.Enrich(oldKey()).Hits);
        Assert.Equal(1, engine.Enrich(newKey()).Hits);
    }
}
