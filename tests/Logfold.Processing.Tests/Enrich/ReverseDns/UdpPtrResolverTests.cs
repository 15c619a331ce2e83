using System.Net;
using Logfold.Processing.Enrich.ReverseDns;

namespace Logfold.Processing.Tests.Enrich.ReverseDns;

public sealed class UdpPtrResolverTests : IDisposable
{
    // Only a guard against a hang; the fake server answers at once.
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task ResolvePtrAsync_LoopbackServer_ReturnsName()
    {
        await using var server = new FakeDnsServer((id, question) => [DnsReplies.Ptr(id, question, "DB01")]);
        var resolver = new UdpPtrResolver(server.EndPoint);

        var name = await resolver.ResolvePtrAsync(IPAddress.Parse("10.0.0.7"), _guard.Token);

        Assert.Equal("db01.example.com", name);
        Assert.Equal(1, server.Queries);
    }

    [Fact]
    public async Task ResolvePtrAsync_SpoofedReplyFirst_IgnoresItAndReadsTheRealOne()
    {
        await using var server = new FakeDnsServer((id, question) =>
            [DnsReplies.Ptr((ushort)(id + 1), question, "spoofed"), DnsReplies.Ptr(id, "9.9.9.9.in-addr.arpa", "other"), DnsReplies.Ptr(id, question, "real")]);
        var resolver = new UdpPtrResolver(server.EndPoint);

        var name = await resolver.ResolvePtrAsync(IPAddress.Parse("10.0.0.7"), _guard.Token);

        Assert.Equal("real.example.com", name);
    }

    [Fact]
    public async Task ResolvePtrAsync_Nxdomain_ReturnsNull()
    {
        await using var server = new FakeDnsServer((id, question) => [DnsReplies.Ptr(id, question, null, rcode: 3)]);
        var resolver = new UdpPtrResolver(server.EndPoint);

        Assert.Null(await resolver.ResolvePtrAsync(IPAddress.Parse("2001:db8::5"), _guard.Token));
    }

    [Fact]
    public async Task ResolvePtrAsync_SilentServer_CancelledByDeadline()
    {
        await using var server = new FakeDnsServer((_, _) => []);
        var resolver = new UdpPtrResolver(server.EndPoint);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolver.ResolvePtrAsync(IPAddress.Parse("10.0.0.7"), deadline.Token));
    }

    [Theory]
    [InlineData("10.0.0.53", 53)]
    [InlineData("10.0.0.53:5353", 5353)]
    [InlineData("[::1]:5300", 5300)]
    public void Create_ServerText_ParsesAddressAndPort(string server, int port)
    {
        Assert.Equal(port, UdpPtrResolver.Create(server).Server.Port);
    }

    [Fact]
    public void Create_HostName_Throws()
    {
        Assert.Throws<ArgumentException>(() => UdpPtrResolver.Create("dns.example"));
    }
}
