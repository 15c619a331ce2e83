using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Tests.Enrich.Net;

public sealed class IpClassifierTests
{
    [Theory]
    [InlineData("8.8.8.8", "public")]
    [InlineData("81.2.69.142", "public")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("172.32.0.1", "public")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("169.254.169.254", "link_local")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("192.0.2.10", "documentation")]
    [InlineData("198.51.100.1", "documentation")]
    [InlineData("203.0.113.99", "documentation")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("100.127.255.255", "shared")]
    [InlineData("100.128.0.1", "public")]
    [InlineData("0.0.0.0", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("2607:f8b0:4004:800::200e", "public")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "reserved")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fe80::1", "link_local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("3fff::1", "documentation")]
    [InlineData("::ffff:10.0.0.1", "private")]
    public void Classify_Address_GivesItsRegistryClass(string address, string expected)
    {
        Assert.True(IpKey.TryParse(address, out var key));

        Assert.Equal(expected, IpClassifier.Name(IpClassifier.Classify(key)));
    }
}
