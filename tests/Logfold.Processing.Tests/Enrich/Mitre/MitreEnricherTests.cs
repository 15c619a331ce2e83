using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Mitre;
using Logfold.Testing;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich.Mitre;

public sealed class MitreEnricherTests : IDisposable
{
    private static readonly string DefaultTable = Path.Combine(RepoPaths.Root, "config", "enrichment", "mitre.yaml");
    private readonly EnrichTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private IEnricher Create(string path, bool overwrite = false)
    {
        var options = new EnricherOptions { Name = "mitre", Type = "mitre", Path = path };
        if (overwrite)
        {
            options.Settings["Overwrite"] = "true";
        }

        Assert.Empty(new MitreEnricherFactory().Validate(options));
        return new MitreEnricherFactory().Create(options, _files.Context);
    }

    [Fact]
    public void Enrich_Windows1102WithDefaultTable_TagsClearEventLogs()
    {
        var doc = Event(("logfold.source", "windows_event"), ("event.code", "1102"));

        Assert.Equal(EnrichOutcome.Hit, Create(DefaultTable).Enrich(doc));

        Assert.Equal("MITRE ATT&CK", Str(doc, "threat.framework"));
        Assert.Equal(["T1070"], Array(doc, "threat.technique.id"));
        Assert.Equal(["Indicator Removal"], Array(doc, "threat.technique.name"));
        Assert.Equal(["https://attack.mitre.org/techniques/T1070/"], Array(doc, "threat.technique.reference"));
        Assert.Equal(["T1070.001"], Array(doc, "threat.technique.subtechnique.id"));
        Assert.Equal(["Clear Windows Event Logs"], Array(doc, "threat.technique.subtechnique.name"));
        Assert.Equal(["https://attack.mitre.org/techniques/T1070/001/"], Array(doc, "threat.technique.subtechnique.reference"));
        Assert.Equal(["TA0005"], Array(doc, "threat.tactic.id"));
        Assert.Equal(["Defense Evasion"], Array(doc, "threat.tactic.name"));
        Assert.Equal(["https://attack.mitre.org/tactics/TA0005/"], Array(doc, "threat.tactic.reference"));
    }

    [Fact]
    public void Enrich_Windows4720WithDefaultTable_TagsCreateAccountPersistence()
    {
        var doc = Event(("logfold.source", "windows_event"), ("event.code", "4720"));

        Create(DefaultTable).Enrich(doc);

        Assert.Equal(["T1136"], Array(doc, "threat.technique.id"));
        Assert.Equal(["Create Account"], Array(doc, "threat.technique.name"));
        Assert.Empty(Array(doc, "threat.technique.subtechnique.id"));
        Assert.Equal(["TA0003"], Array(doc, "threat.tactic.id"));
        Assert.Equal(["Persistence"], Array(doc, "threat.tactic.name"));
    }

    [Fact]
    public void Enrich_CloudTrailActionWithDefaultTable_TagsByEventAction()
    {
        var doc = Event(("logfold.source", "aws_cloudtrail"), ("event.action", "StopLogging"));

        Assert.Equal(EnrichOutcome.Hit, Create(DefaultTable).Enrich(doc));
        Assert.Equal(["T1562.008"], Array(doc, "threat.technique.subtechnique.id"));
    }

    [Theory]
    [InlineData("linux_syslog", "1102")]
    [InlineData("windows_event", "4624")]
    public void Enrich_NoMapping_IsAMiss(string source, string code)
    {
        var doc = Event(("logfold.source", source), ("event.code", code));

        Assert.Equal(EnrichOutcome.Miss, Create(DefaultTable).Enrich(doc));
        Assert.Null(Str(doc, "threat.framework"));
    }

    [Fact]
    public void Enrich_WildcardSourceAndSeveralTactics_AreApplied()
    {
        var path = _files.Write("m.yaml", """
            mappings:
              - source: "*"
                event_code: "42"
                technique: T1078
                name: Valid Accounts
                tactics: [TA0005, TA0003, TA0004, TA0001]
            """);
        var doc = Event(("logfold.source", "paloalto"), ("event.code", "42"));

        Create(path).Enrich(doc);

        Assert.Equal(["Defense Evasion", "Persistence", "Privilege Escalation", "Initial Access"], Array(doc, "threat.tactic.name"));
    }

    [Fact]
    public void Enrich_TechniqueAlreadyPresent_KeptUnlessOverwrite()
    {
        var kept = Event(("logfold.source", "windows_event"), ("event.code", "1102"), ("threat.technique.id", "T9999"));
        var replaced = Event(("logfold.source", "windows_event"), ("event.code", "1102"), ("threat.technique.id", "T9999"));

        Assert.Equal(EnrichOutcome.Skipped, Create(DefaultTable).Enrich(kept));
        Assert.Equal(EnrichOutcome.Hit, Create(DefaultTable, overwrite: true).Enrich(replaced));

        Assert.Equal("T9999", Str(kept, "threat.technique.id"));
        Assert.Equal(["T1070"], Array(replaced, "threat.technique.id"));
    }

    [Fact]
    public void Load_CsvTable_MatchesYamlForm()
    {
        var path = _files.Write("m.csv", """
            source,event_code,event_action,technique,name,tactics
            windows_event,1102,,T1070.001,Indicator Removal: Clear Windows Event Logs,TA0005
            aws_cloudtrail,,DeleteTrail,T1562.008,Impair Defenses: Disable or Modify Cloud Logs,TA0005
            """);

        var table = MitreTableLoader.Load(path);

        Assert.Equal(2, table.Count);
        var t = Assert.Single(table.Find("windows_event", "1102", null)!);
        Assert.Equal("Clear Windows Event Logs", t.SubtechniqueName);
        Assert.NotNull(table.Find("aws_cloudtrail", null, "DeleteTrail"));
    }

    [Fact]
    public void Load_DefaultTable_HasADozenMappings() => Assert.True(MitreTableLoader.Load(DefaultTable).Count >= 12);

    [Theory]
    [InlineData("mappings:\n  - source: windows_event\n    event_code: \"1\"\n    technique: T1070.001\n    name: Clear logs\n    tactics: [TA0005]\n", "line 2", "Technique: Sub-technique")]
    [InlineData("mappings:\n  - source: windows_event\n    event_code: \"1\"\n    technique: X1\n    name: N\n    tactics: [TA0005]\n", "line 2", "not a technique id")]
    [InlineData("mappings:\n  - source: windows_event\n    event_code: \"1\"\n    technique: T1070\n    name: N\n    tactics: [TA9999]\n", "line 2", "'TA9999' is not an Enterprise ATT&CK tactic")]
    [InlineData("mappings:\n  - source: windows_event\n    technique: T1070\n    name: N\n    tactics: [TA0005]\n", "line 2", "exactly one of 'event_code' and 'event_action'")]
    [InlineData("mappings:\n  - source: windows_event\n    event_code: \"1\"\n    techniqe: T1070\n", "line 4", "unknown key 'techniqe'")]
    [InlineData("mappings: [\n", "line", "")]
    [InlineData("other: 1\n", "", "top-level 'mappings:' list")]
    [InlineData("mappings: []\n", "", "no mappings")]
    public void Load_BrokenYaml_FailsWithFileLineAndReason(string yaml, string line, string reason)
    {
        var path = _files.Write("m.yaml", yaml);

        var ex = Assert.Throws<EnrichmentDataException>(() => MitreTableLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
