using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Tests.Enrich.Tables;

public sealed class IpPrefixTableTests
{
    private static IpPrefixTable<string> Build(params string[] prefixes)
    {
        var builder = new IpPrefixTable<string>.Builder();
        foreach (var prefix in prefixes)
        {
            Assert.True(IpPrefixTable<string>.TryParsePrefix(prefix, out var network, out var length), prefix);
            builder.TryAdd(network, length, prefix, out _);
        }

        return builder.Build();
    }

    private static string? Lookup(IpPrefixTable<string> table, string ip)
    {
        Assert.True(IpKey.TryParse(ip, out var key), ip);
        return table.TryGet(key, out var value, out _) ? value : null;
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("10.1.2.4", "10.1.2.0/24")]
    [InlineData("10.1.9.9", "10.1.0.0/16")]
    [InlineData("10.200.0.1", "10.0.0.0/8")]
    [InlineData("11.0.0.1", null)]
    [InlineData("2001:db8:1::5", "2001:db8:1::/48")]
    [InlineData("2001:db8:2::5", "2001:db8::/32")]
    [InlineData("2001:db9::1", null)]
    [InlineData("::ffff:10.1.2.9", "10.1.2.0/24")]
    public void TryGet_NestedBlocks_MostSpecificWins(string ip, string? expected)
    {
        var table = Build("10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3", "2001:db8::/32", "2001:db8:1::/48");

        Assert.Equal(expected, Lookup(table, ip));
    }

    [Fact]
    public void TryParsePrefix_HostBitsSet_MasksToNetwork()
    {
        var table = Build("192.168.1.77/24");

        Assert.Equal("192.168.1.77/24", Lookup(table, "192.168.1.1"));
        Assert.Null(Lookup(table, "192.168.2.1"));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/8")]
    [InlineData("256.1.1.1")]
    [InlineData("2001:db8::/129")]
    [InlineData("example.com")]
    [InlineData("10.0.0.0/-1")]
    public void TryParsePrefix_Invalid_ReturnsFalse(string text)
    {
        Assert.False(IpPrefixTable<string>.TryParsePrefix(text, out _, out _));
    }

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("1.2.3.256", false)]
    [InlineData("1..3.4", false)]
    [InlineData(" 1.2.3.4 ", true)]
    public void TryParse_Ipv4Text_ParsesDottedQuadOnly(string text, bool valid)
    {
        Assert.Equal(valid, IpKey.TryParse(text, out var key) && key.IsV4);
    }

    [Fact]
    public void ToAddress_RoundTrips()
    {
        Assert.True(IpKey.TryParse("2001:db8::1", out var v6));
        Assert.True(IpKey.TryParse("192.0.2.7", out var v4));

        Assert.Equal("2001:db8::1", v6.ToAddress().ToString());
        Assert.Equal("192.0.2.7", v4.ToAddress().ToString());
    }
}
