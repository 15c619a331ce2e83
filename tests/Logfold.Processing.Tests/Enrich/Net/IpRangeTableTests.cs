using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Tests.Enrich.Net;

public sealed class IpRangeTableTests
{
    private static IpRangeTable<string> Build(params (string Cidr, string Value)[] entries)
    {
        var b = new IpRangeTableBuilder<string>();
        foreach (var (cidr, value) in entries)
        {
            Assert.True(b.TryAdd(cidr, value));
        }

        return b.Build();
    }

    [Theory]
    [InlineData("10.0.0.1", "wide")]
    [InlineData("10.1.0.1", "mid")]
    [InlineData("10.1.2.3", "narrow")]
    [InlineData("10.1.2.255", "narrow")]
    [InlineData("10.1.3.0", "mid")]
    [InlineData("10.1.255.255", "mid")]
    [InlineData("10.2.0.0", "wide")]
    [InlineData("10.255.255.255", "wide")]
    [InlineData("10.1.2.77", "host")]
    public void TryFind_NestedCidrs_MostSpecificWins(string address, string expected)
    {
        // Added in scrambled order: the builder sorts.
        var table = Build(("10.1.2.0/24", "narrow"), ("10.0.0.0/8", "wide"), ("10.1.2.77/32", "host"), ("10.1.0.0/16", "mid"));

        Assert.True(table.TryFind(address, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("2001:db8::1")]
    [InlineData("not-an-ip")]
    public void TryFind_OutsideEveryCidr_ReturnsFalse(string address)
    {
        var table = Build(("10.0.0.0/8", "wide"), ("10.1.0.0/16", "mid"));

        Assert.False(table.TryFind(address, out _));
    }

    [Fact]
    public void TryFind_V4AndV6InOneTable_KeepsFamiliesApart()
    {
        var table = Build(("2001:db8::/32", "v6"), ("0.0.0.0/0", "v4-any"), ("2001:db8:1::/48", "v6-narrow"));

        Assert.True(table.TryFind("2001:db8:1::5", out var narrow));
        Assert.Equal("v6-narrow", narrow);
        Assert.True(table.TryFind("2001:db8:2::5", out var wide));
        Assert.Equal("v6", wide);
        Assert.True(table.TryFind("8.8.8.8", out var v4));
        Assert.Equal("v4-any", v4);
        Assert.False(table.TryFind("2001:db9::1", out _));
    }

    [Fact]
    public void TryFind_RangeEndingAtTopOfSpace_IsFound()
    {
        var table = Build(("::/0", "all"), ("ff00::/8", "multicast"), ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "last"));

        Assert.True(table.TryFind("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", out var last));
        Assert.Equal("last", last);
        Assert.True(table.TryFind("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", out var m));
        Assert.Equal("multicast", m);
        Assert.True(table.TryFind("::", out var all));
        Assert.Equal("all", all);
    }

    [Fact]
    public void Build_SameCidrTwice_MergeChooses()
    {
        var b = new IpRangeTableBuilder<string>();
        b.TryAdd("52.95.0.0/16", "AMAZON");
        b.TryAdd("52.95.0.0/16", "S3");

        var firstWins = b.Build();
        var merged = b.Build((kept, later) => kept == "AMAZON" ? later : kept);

        Assert.True(firstWins.TryFind("52.95.1.1", out var a));
        Assert.Equal("AMAZON", a);
        Assert.True(merged.TryFind("52.95.1.1", out var s));
        Assert.Equal("S3", s);
    }

    [Fact]
    public void TryFind_RandomNestedTable_AgreesWithLinearLongestPrefixScan()
    {
        var random = new Random(1234);
        var cidrs = new List<(uint Net, int Len, int Value)>();
        var b = new IpRangeTableBuilder<int>();
        for (var i = 0; i < 400; i++)
        {
            var len = random.Next(4, 33);
            var mask = len == 32 ? uint.MaxValue : ~(uint.MaxValue >> len);
            // Cluster addresses in 10.0.0.0/12 so blocks nest and touch.
            var net = (0x0A000000u | ((uint)random.Next() & 0x000FFFFF)) & mask;
            cidrs.Add((net, len, i));
            b.TryAdd($"{net >> 24}.{(net >> 16) & 255}.{(net >> 8) & 255}.{net & 255}/{len}", i);
        }

        var table = b.Build();
        for (var probe = 0; probe < 5000; probe++)
        {
            var address = 0x0A000000u | ((uint)random.Next() & 0x001FFFFF);
            int? expected = null;
            var bestLen = -1;
            foreach (var (net, len, value) in cidrs)
            {
                var mask = len == 32 ? uint.MaxValue : ~(uint.MaxValue >> len);
                // Longest prefix wins; for equal blocks the first added wins.
                if ((address & mask) == net && len > bestLen)
                {
                    expected = value;
                    bestLen = len;
                }
            }

            var found = table.TryFind(IpKey.FromV4(address), out var actual);
            Assert.Equal(expected.HasValue, found);
            if (found)
            {
                Assert.Equal(expected, actual);
            }
        }
    }
}
