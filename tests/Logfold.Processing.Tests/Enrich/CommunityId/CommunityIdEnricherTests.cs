using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.CommunityId;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich.CommunityId;

public sealed class CommunityIdEnricherTests
{
    private static IEnricher Create(params (string Key, string Value)[] settings)
    {
        var options = new EnricherOptions { Name = "cid", Type = "community_id" };
        foreach (var (k, v) in settings)
        {
            options.Settings[k] = v;
        }

        Assert.Empty(new CommunityIdEnricherFactory().Validate(options));
        return new CommunityIdEnricherFactory().Create(options, new EnricherContext());
    }

    [Fact]
    public void Enrich_TcpFlowByTransportName_SetsSpecId()
    {
        var doc = Event(("source.ip", "128.232.110.120"), ("source.port", 34855), ("destination.ip", "66.35.250.204"), ("destination.port", 80), ("network.transport", "tcp"));

        Assert.Equal(EnrichOutcome.Hit, Create().Enrich(doc));
        Assert.Equal("1:LQU9qZlK+B5F3KDmev6m5PMibrg=", Str(doc, "network.community_id"));
    }

    [Fact]
    public void Enrich_UdpFlowByIanaNumberWithStringPorts_SetsSpecId()
    {
        var doc = Event(("source.ip", "8.8.8.8"), ("source.port", "53"), ("destination.ip", "192.168.1.52"), ("destination.port", "54585"), ("network.iana_number", "17"));

        Create().Enrich(doc);

        Assert.Equal("1:d/FP5EW3wiY1vCndhwleRRKHowQ=", Str(doc, "network.community_id"));
    }

    [Fact]
    public void Enrich_IcmpEchoReplyWithTypeAndCode_PairsWithRequest()
    {
        var doc = Event(("source.ip", "192.168.0.1"), ("destination.ip", "192.168.0.89"), ("network.transport", "icmp"), ("icmp.type", 0), ("icmp.code", 0));

        Create().Enrich(doc);

        Assert.Equal("1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", Str(doc, "network.community_id"));
    }

    [Fact]
    public void Enrich_IcmpTypeFromConfiguredField_IsUsed()
    {
        var doc = Event(("source.ip", "10.0.0.1"), ("destination.ip", "10.0.0.2"), ("network.transport", "icmp"), ("panw.icmp_type", "11"));

        Create(("IcmpTypeField", "panw.icmp_type")).Enrich(doc);

        Assert.Equal("1:YHxtAirCG//0OzkcVAukqKQN9xM=", Str(doc, "network.community_id"));
    }

    [Fact]
    public void Enrich_Seed1_ChangesTheId()
    {
        var doc = Event(("source.ip", "128.232.110.120"), ("source.port", 34855), ("destination.ip", "66.35.250.204"), ("destination.port", 80), ("network.transport", "tcp"));

        Create(("Seed", "1")).Enrich(doc);

        Assert.Equal("1:3V71V58M3Ksw/yuFALMcW0LAHvc=", Str(doc, "network.community_id"));
    }

    [Fact]
    public void Enrich_IdAlreadyMapped_IsKeptUnlessOverwrite()
    {
        (string, object)[] fields = [("source.ip", "1.2.3.4"), ("source.port", 1122), ("destination.ip", "5.6.7.8"), ("destination.port", 3344), ("network.transport", "tcp"), ("network.community_id", "1:mapped")];
        var kept = Event(fields);
        var replaced = Event(fields);

        Assert.Equal(EnrichOutcome.Skipped, Create().Enrich(kept));
        Assert.Equal(EnrichOutcome.Hit, Create(("Overwrite", "true")).Enrich(replaced));

        Assert.Equal("1:mapped", Str(kept, "network.community_id"));
        Assert.Equal("1:wCb3OG7yAFWelaUydu0D+125CLM=", Str(replaced, "network.community_id"));
    }

    [Fact]
    public void Enrich_MissingPiecesOrUnknownProtocol_DoesNotGuess()
    {
        Assert.Equal(EnrichOutcome.Skipped, Create().Enrich(Event(("source.ip", "1.2.3.4"))));
        Assert.Equal(EnrichOutcome.Miss, Create().Enrich(Event(("source.ip", "1.2.3.4"), ("destination.ip", "5.6.7.8"), ("network.transport", "quic-ish"))));
        Assert.Equal(EnrichOutcome.Miss, Create().Enrich(Event(("source.ip", "1.2.3.4"), ("destination.ip", "5.6.7.8"), ("network.transport", "tcp"))));
    }

    [Theory]
    [InlineData("Seed", "70000")]
    [InlineData("Seed", "-1")]
    [InlineData("Overwrite", "yes")]
    [InlineData("Salt", "1")]
    public void Validate_BadSetting_IsReported(string key, string value)
    {
        var options = new EnricherOptions { Name = "cid", Type = "community_id" };
        options.Settings[key] = value;

        var problem = Assert.Single(new CommunityIdEnricherFactory().Validate(options));
        Assert.Contains(key, problem, StringComparison.Ordinal);
    }
}
