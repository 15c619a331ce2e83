using System.Net;
using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Tests.Enrich.Net;

public sealed class IpKeyTests
{
    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::ffff:1.2.3.4")]
    public void TryParse_ValidAddress_MatchesIPAddress(string text)
    {
        Assert.True(IpKey.TryParse(text, out var key));

        var expected = IPAddress.Parse(text);
        if (expected.IsIPv4MappedToIPv6)
        {
            expected = expected.MapToIPv4();
        }

        // Keys carry no IPv6 zone.
        Assert.Equal(new IPAddress(expected.GetAddressBytes()), IpKey.ToAddress(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.")]
    [InlineData("host.example")]
    [InlineData("1.2.3.4 ")]
    [InlineData("gggg::1")]
    public void TryParse_NotAnAddress_ReturnsFalse(string text) => Assert.False(IpKey.TryParse(text, out _));

    [Fact]
    public void TryParse_V4AndMappedV6_GiveTheSameKey()
    {
        Assert.True(IpKey.TryParse("192.0.2.7", out var v4));
        Assert.True(IpKey.TryParse("::ffff:192.0.2.7", out var mapped));

        Assert.Equal(v4, mapped);
        Assert.True(IpKey.IsV4(v4));
    }

    [Theory]
    [InlineData("10.1.2.3/8", "10.0.0.0", "10.255.255.255", 104)]
    [InlineData("192.0.2.0/24", "192.0.2.0", "192.0.2.255", 120)]
    [InlineData("192.0.2.9", "192.0.2.9", "192.0.2.9", 128)]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", 32)]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0)]
    public void TryParseCidr_Valid_GivesFirstLastAndPrefix(string cidr, string first, string last, int prefix)
    {
        Assert.True(IpKey.TryParseCidr(cidr, out var f, out var l, out var p));

        Assert.True(IpKey.TryParse(first, out var ef));
        Assert.True(IpKey.TryParse(last, out var el));
        Assert.Equal(ef, f);
        Assert.Equal(el, l);
        Assert.Equal(prefix, p);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("2001:db8::/129")]
    [InlineData("nope/8")]
    public void TryParseCidr_Invalid_ReturnsFalse(string cidr) => Assert.False(IpKey.TryParseCidr(cidr, out _, out _, out _));
}
