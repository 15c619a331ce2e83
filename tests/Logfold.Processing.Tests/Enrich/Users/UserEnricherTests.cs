using System.Text.Json.Nodes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Users;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Enrich.Users;

public sealed class UserEnricherTests : IDisposable
{
    private const string Csv = """
        user_name,domain,sid,email,full_name,department,title,manager,privileged,disabled
        jsmith,CORP,S-1-5-21-1004336348-1177238915-682003330-1104,j.smith@corp.example,Jane Smith,Finance,Analyst,mlee,no,false
        admin,CORP,S-1-5-21-1004336348-1177238915-682003330-500,,Domain Admin,IT,,,yes,no
        admin,LAB,,,Lab Admin,Research,,,true,true
        svc-backup,,,,Backup Service,IT,,,1,0
        """;

    private const string Yaml = """
        users:
          - user_name: jsmith
            domain: CORP
            sid: S-1-5-21-1004336348-1177238915-682003330-1104
            email: j.smith@corp.example
            full_name: Jane Smith
            department: Finance
            title: Analyst
            manager: mlee
            privileged: false
            disabled: false
          - user_name: admin
            domain: CORP
            display_name: Domain Admin
            department: IT
            privileged: true
          - username: admin
            domain: LAB
            department: Research
            disabled: true
        """;

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private UserEnricher Create(string file, string content) =>
        new("users", new FixedSnapshot<UserTable>(UserTable.Load(_dir.Write(file, content))), new UserSettings());

    [Theory]
    [InlineData("users.csv", Csv)]
    [InlineData("users.yaml", Yaml)]
    public void Enrich_NameWithDomainPrefix_FillsDirectoryFields(string file, string content)
    {
        var enricher = Create(file, content);
        var doc = new EcsDocument();
        doc.Set(Ecs.UserName, "CORP\\JSmith");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        var json = JsonNode.Parse(doc.ToJson())!;
        var user = json["logfold"]!["user"]!;
        Assert.Equal("Finance", (string?)user["department"]);
        Assert.Equal("Analyst", (string?)user["title"]);
        Assert.Equal("mlee", (string?)user["manager"]);
        Assert.False((bool)user["privileged"]!);
        Assert.False((bool)user["disabled"]!);
        Assert.Equal("Jane Smith", (string?)json["user"]!["full_name"]);
        Assert.Equal("j.smith@corp.example", (string?)json["user"]!["email"]);
    }

    [Theory]
    [InlineData("user.id", "S-1-5-21-1004336348-1177238915-682003330-1104")]
    [InlineData("user.email", "J.Smith@corp.example")]
    [InlineData("user.name", "j.smith@corp.example")]
    [InlineData("user.name", "jsmith@corp.example")]
    [InlineData("user.name", "jsmith")]
    public void Enrich_AnyKey_FindsSameUser(string field, string value)
    {
        var enricher = Create("users.csv", Csv);
        var doc = new EcsDocument();
        doc.Set(FieldPath.Of(field), value);

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
        Assert.Equal("Finance", doc.GetString(FieldPath.Of("logfold.user.department")));
    }

    [Fact]
    public void Enrich_AmbiguousBareName_NeedsDomain()
    {
        var enricher = Create("users.csv", Csv);
        var bare = new EcsDocument();
        bare.Set(Ecs.UserName, "admin");
        var withDomain = new EcsDocument();
        withDomain.Set(Ecs.UserName, "admin");
        withDomain.Set(Ecs.UserDomain, "lab");

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(bare));
        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(withDomain));
        Assert.Equal("Research", withDomain.GetString(FieldPath.Of("logfold.user.department")));
        Assert.True(withDomain.TryGet(FieldPath.Of("logfold.user.disabled"), out var disabled) && disabled.Bool);
    }

    [Fact]
    public void Enrich_TargetUser_WritesTargetFieldsAndKeepsExistingFullName()
    {
        var enricher = Create("users.csv", Csv);
        var doc = new EcsDocument();
        doc.Set(Ecs.UserName, "svc-backup");
        doc.Set(Ecs.UserTargetId, "S-1-5-21-1004336348-1177238915-682003330-500");
        doc.Set(FieldPath.Of("user.target.full_name"), "From Event");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        Assert.Equal("IT", doc.GetString(FieldPath.Of("logfold.user.department")));
        Assert.True(doc.TryGet(FieldPath.Of("logfold.user.privileged"), out var p) && p.Bool);
        Assert.Equal("IT", doc.GetString(FieldPath.Of("logfold.user.target.department")));
        Assert.True(doc.TryGet(FieldPath.Of("logfold.user.target.privileged"), out var tp) && tp.Bool);
        Assert.Equal("From Event", doc.GetString(FieldPath.Of("user.target.full_name")));
    }

    [Fact]
    public void Enrich_UnknownUser_Miss_NoUser_Skipped()
    {
        var enricher = Create("users.yaml", Yaml);
        var miss = new EcsDocument();
        miss.Set(Ecs.UserName, "nobody");
        var skipped = new EcsDocument();
        skipped.Set(Ecs.SourceIp, "10.0.0.1");

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(miss));
        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(skipped));
    }

    [Theory]
    [InlineData("u.csv", "user_name,privileged\nbob,maybe\n", 2, "true or false")]
    [InlineData("u.csv", "user_name,domain\nbob,CORP\nbob,CORP\n", 3, "twice")]
    [InlineData("u.csv", "user_name,sid\nbob,1234\n", 2, "not a SID")]
    [InlineData("u.csv", "user_name,email\nCORP\\bob,\n", 2, "bare account name")]
    [InlineData("u.csv", "department\nIT\n", 2, "no user_name, sid or email")]
    [InlineData("u.yaml", "users:\n  - user_name: bob\n    dept: IT\n", 3, "unknown key 'dept'")]
    public void Load_BrokenFile_ThrowsWithFileAndLine(string file, string content, int line, string reason)
    {
        var path = _dir.Write(file, content);

        var ex = Assert.Throws<EnrichmentDataException>(() => UserTable.Load(path));

        Assert.Contains($"{path}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
