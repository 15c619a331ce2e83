using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.IpClassification;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich.IpClassification;

public sealed class IpClassEnricherTests
{
    private static IEnricher Create(string? internalNetworks = null, string? setDirection = null)
    {
        var options = new EnricherOptions { Name = "ipc", Type = "ip_class" };
        if (internalNetworks is not null)
        {
            options.Settings["InternalNetworks"] = internalNetworks;
        }

        if (setDirection is not null)
        {
            options.Settings["SetDirection"] = setDirection;
        }

        Assert.Empty(new IpClassEnricherFactory().Validate(options));
        return new IpClassEnricherFactory().Create(options, new EnricherContext());
    }

    [Theory]
    [InlineData("10.0.0.5", "8.8.8.8", "private", "public", "outbound")]
    [InlineData("8.8.8.8", "192.168.1.10", "public", "private", "inbound")]
    [InlineData("10.0.0.5", "172.16.3.3", "private", "private", "internal")]
    [InlineData("1.1.1.1", "8.8.8.8", "public", "public", "external")]
    [InlineData("100.64.1.1", "8.8.8.8", "shared", "public", "outbound")]
    [InlineData("fd00::1", "2607:f8b0::1", "private", "public", "outbound")]
    [InlineData("127.0.0.1", "127.0.0.1", "loopback", "loopback", "internal")]
    [InlineData("192.0.2.1", "10.0.0.1", "documentation", "private", "inbound")]
    public void Enrich_SourceAndDestination_ClassifiesAndSetsDirection(string src, string dst, string srcClass, string dstClass, string direction)
    {
        var doc = Event(("source.ip", src), ("destination.ip", dst));

        Assert.Equal(EnrichOutcome.Hit, Create().Enrich(doc));

        Assert.Equal(srcClass, Str(doc, "logfold.ip_class.source"));
        Assert.Equal(dstClass, Str(doc, "logfold.ip_class.destination"));
        Assert.Equal(direction, Str(doc, "network.direction"));
    }

    [Fact]
    public void Enrich_DirectionAlreadyMapped_KeepsIt()
    {
        var doc = Event(("source.ip", "10.0.0.5"), ("destination.ip", "8.8.8.8"), ("network.direction", "egress"));

        Create().Enrich(doc);

        Assert.Equal("egress", Str(doc, "network.direction"));
    }

    [Theory]
    [InlineData("10.0.0.5", "224.0.0.251")]
    [InlineData("10.0.0.5", "240.0.0.1")]
    [InlineData("10.0.0.5", null)]
    public void Enrich_MulticastReservedOrOneSided_LeavesDirectionEmpty(string src, string? dst)
    {
        var doc = dst is null ? Event(("source.ip", src)) : Event(("source.ip", src), ("destination.ip", dst));

        Create().Enrich(doc);

        Assert.Null(Str(doc, "network.direction"));
        Assert.Equal("private", Str(doc, "logfold.ip_class.source"));
    }

    [Fact]
    public void Enrich_ConfiguredInternalNetwork_CountsAsInternal()
    {
        var doc = Event(("source.ip", "81.2.69.10"), ("destination.ip", "8.8.8.8"));

        Create(internalNetworks: "81.2.69.0/24, 2001:db8:abcd::/48").Enrich(doc);

        Assert.Equal("public", Str(doc, "logfold.ip_class.source"));
        Assert.Equal("outbound", Str(doc, "network.direction"));
    }

    [Fact]
    public void Enrich_SetDirectionFalse_OnlyClassifies()
    {
        var doc = Event(("source.ip", "10.0.0.5"), ("destination.ip", "8.8.8.8"));

        Create(setDirection: "false").Enrich(doc);

        Assert.Null(Str(doc, "network.direction"));
        Assert.Equal("public", Str(doc, "logfold.ip_class.destination"));
    }

    [Fact]
    public void Enrich_ClientServerAndGarbage_ClassifiesWhatParses()
    {
        var doc = Event(("client.ip", "169.254.1.1"), ("server.ip", "ff02::1"), ("source.ip", "not-an-ip"));

        Assert.Equal(EnrichOutcome.Hit, Create().Enrich(doc));

        Assert.Equal("link_local", Str(doc, "logfold.ip_class.client"));
        Assert.Equal("multicast", Str(doc, "logfold.ip_class.server"));
        Assert.Null(Str(doc, "logfold.ip_class.source"));
        Assert.Equal(EnrichOutcome.Miss, Create().Enrich(Event(("source.ip", "bogus"))));
        Assert.Equal(EnrichOutcome.Skipped, Create().Enrich(Event(("message", "x"))));
    }

    [Fact]
    public void Validate_BadSettings_NamesEachProblem()
    {
        var options = new EnricherOptions { Name = "ipc", Type = "ip_class", Path = "x" };
        options.Settings["InternalNetworks"] = "10.0.0.0/8, banana";
        options.Settings["SetDirection"] = "maybe";
        options.Settings["Colour"] = "red";

        var problems = new IpClassEnricherFactory().Validate(options).ToList();

        Assert.Contains(problems, p => p.Contains("'banana' is not a CIDR", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("SetDirection", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Settings:Colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Path/Paths", StringComparison.Ordinal));
    }
}
