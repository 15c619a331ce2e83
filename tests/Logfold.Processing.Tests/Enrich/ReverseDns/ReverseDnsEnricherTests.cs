using System.Collections.Concurrent;
using System.Net;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.ReverseDns;
using Logfold.Processing.Model;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Enrich.ReverseDns;

public sealed class ReverseDnsEnricherTests
{
    private readonly FixedTimeProvider _time = new(FixedTimeProvider.GoldenNow);

    private static EcsDocument Event(string source, string? destination = null)
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, source);
        if (destination is not null)
        {
            doc.Set(Ecs.DestinationIp, destination);
        }

        return doc;
    }

    [Fact]
    public async Task Enrich_FirstMissThenHit_EventNeverWaits()
    {
        var resolver = new FakeResolver { ["10.0.0.5"] = "web01.corp.example" };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings(), _time);

        var first = Event("10.0.0.5");
        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(first));
        Assert.False(first.Has(Ecs.SourceDomain));
        await enricher.WhenIdle();
        var second = Event("10.0.0.5");
        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(second));

        Assert.Equal("web01.corp.example", second.GetString(Ecs.SourceDomain));
        Assert.Equal(1, resolver.Calls);
    }

    [Fact]
    public async Task Enrich_SlowResolver_EventGoesOnAndLaterEventsHit()
    {
        var resolver = new FakeResolver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ["10.0.0.5"] = "slow.example" };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { MaxWait = TimeSpan.FromMilliseconds(20) }, _time);

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event("10.0.0.5")));
        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event("10.0.0.5")));
        resolver.Gate.SetResult();
        await enricher.WhenIdle();

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(Event("10.0.0.5")));
        Assert.Equal(1, resolver.Calls);
    }

    [Fact]
    public void Enrich_FastResolverWithinMaxWait_HitsOnFirstEvent()
    {
        var resolver = new FakeResolver { ["10.0.0.5"] = "fast.example" };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { MaxWait = TimeSpan.FromSeconds(5) }, _time);
        var doc = Event("10.0.0.5");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
        Assert.Equal("fast.example", doc.GetString(Ecs.SourceDomain));
    }

    [Fact]
    public async Task Enrich_NoRecord_NegativeCachedUntilTtl()
    {
        var resolver = new FakeResolver();
        var settings = new ReverseDnsSettings { NegativeTtl = TimeSpan.FromMinutes(10) };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, settings, _time);

        enricher.Enrich(Event("10.0.0.9"));
        await enricher.WhenIdle();
        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event("10.0.0.9")));
        Assert.Equal(1, resolver.Calls);
        _time.Advance(TimeSpan.FromMinutes(11));
        enricher.Enrich(Event("10.0.0.9"));
        await enricher.WhenIdle();

        Assert.Equal(2, resolver.Calls);
    }

    [Fact]
    public async Task Enrich_ResolverFails_CountedAndRetriedAfterErrorTtl()
    {
        var resolver = new FakeResolver { Fail = true };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { ErrorTtl = TimeSpan.FromSeconds(30) }, _time);

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event("10.0.0.9")));
        await enricher.WhenIdle();
        enricher.Enrich(Event("10.0.0.9"));
        Assert.Equal(1, resolver.Calls);
        Assert.Equal(1, enricher.LookupsFailed);
        _time.Advance(TimeSpan.FromSeconds(31));
        resolver.Fail = false;
        resolver["10.0.0.9"] = "back.example";
        enricher.Enrich(Event("10.0.0.9"));
        await enricher.WhenIdle();

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(Event("10.0.0.9")));
    }

    [Fact]
    public async Task Enrich_ManyMissesWhileBlocked_InFlightBounded()
    {
        var resolver = new FakeResolver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { MaxInFlight = 2 }, _time);

        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event($"10.0.0.{i}")));
        }

        Assert.Equal(2, enricher.LookupsStarted);
        Assert.Equal(8, enricher.LookupsRejected);
        resolver.Gate.SetResult();
        await enricher.WhenIdle();
        Assert.Equal(2, resolver.Calls);
    }

    [Fact]
    public void Enrich_PublicAddressWithPrivateOnly_Skipped()
    {
        var resolver = new FakeResolver();
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings(), _time);

        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(Event("8.8.8.8", "2001:4860::8888")));
        Assert.Equal(0, resolver.Calls);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::1")]
    public async Task Enrich_InternalAddresses_LookedUp(string ip)
    {
        var resolver = new FakeResolver();
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings(), _time);

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event(ip)));
        await enricher.WhenIdle();
        Assert.Equal(1, resolver.Calls);
    }

    [Theory]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    public void Enrich_NearbyPublicAddresses_NotLookedUp(string ip)
    {
        var resolver = new FakeResolver();
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings(), _time);

        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(Event(ip)));
    }

    [Fact]
    public async Task Enrich_ExistingDomain_NotOverwrittenNorLookedUp()
    {
        var resolver = new FakeResolver { ["10.0.0.5"] = "ptr.example" };
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { PrivateOnly = false }, _time);
        var doc = Event("10.0.0.5");
        doc.Set(Ecs.SourceDomain, "from-log.example");

        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(doc));
        await enricher.WhenIdle();
        Assert.Equal("from-log.example", doc.GetString(Ecs.SourceDomain));
        Assert.Equal(0, resolver.Calls);
    }

    [Fact]
    public async Task Enrich_ManyAddresses_CacheStaysBounded()
    {
        var resolver = new FakeResolver();
        var enricher = new ReverseDnsEnricher("reverse_dns", resolver, new ReverseDnsSettings { CacheSize = 20, MaxInFlight = 1000 }, _time);

        for (var i = 0; i < 200; i++)
        {
            enricher.Enrich(Event($"10.0.{i / 250}.{i % 250}"));
        }

        await enricher.WhenIdle();
        Assert.True(enricher.CacheCount <= 20, $"cache holds {enricher.CacheCount}");
    }

    [Fact]
    public async Task Enrich_ThroughLoopbackDnsServer_FillsDestinationDomain()
    {
        await using var server = new FakeDnsServer((id, question) => [DnsReplies.Ptr(id, question, "fileserver")]);
        var settings = new ReverseDnsSettings { QueryTimeout = TimeSpan.FromSeconds(5) };
        var enricher = new ReverseDnsEnricher("reverse_dns", new UdpPtrResolver(server.EndPoint), settings, TimeProvider.System);

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event("8.8.4.4", "192.168.10.20")));
        await enricher.WhenIdle();
        var doc = Event("8.8.4.4", "192.168.10.20");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
        Assert.Equal("fileserver.example.com", doc.GetString(Ecs.DestinationDomain));
        Assert.False(doc.Has(Ecs.SourceDomain));
    }

    private sealed class FakeResolver : IPtrResolver
    {
        private readonly ConcurrentDictionary<string, string> _names = new();
        private int _calls;

        public TaskCompletionSource? Gate { get; init; }

        public bool Fail { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public string this[string ip]
        {
            set => _names[ip] = value;
        }

        public async Task<string?> ResolvePtrAsync(IPAddress address, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            if (Gate is not null)
            {
                await Gate.Task;
            }

            if (Fail)
            {
                throw new IOException("resolver down");
            }

            return _names.TryGetValue(address.ToString(), out var name) ? name : null;
        }
    }
}
