using Logfold.Processing.Enrich;

namespace Logfold.Processing.Tests.Enrich;

public sealed class LookupCacheTests
{
    private sealed class Data(string tag)
    {
        public string Tag { get; } = tag;

        public int Lookups;
    }

    private static string? Look(Data d, UInt128 key, int _)
    {
        d.Lookups++;
        return key == 0 ? null : $"{d.Tag}:{key}";
    }

    [Fact]
    public void GetOrAdd_SameKeyTwice_LooksUpOnceAndCachesMisses()
    {
        var cache = new LookupCache<string>(100);
        var data = new Data("v1");

        Assert.Equal("v1:5", cache.GetOrAdd(data, 5, Look, 0));
        Assert.Equal("v1:5", cache.GetOrAdd(data, 5, Look, 0));
        Assert.Null(cache.GetOrAdd(data, 0, Look, 0));
        Assert.Null(cache.GetOrAdd(data, 0, Look, 0));

        Assert.Equal(2, data.Lookups);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrAdd_DataSwapped_StartsEmpty()
    {
        var cache = new LookupCache<string>(100);
        cache.GetOrAdd(new Data("old"), 5, Look, 0);

        Assert.Equal("new:5", cache.GetOrAdd(new Data("new"), 5, Look, 0));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrAdd_Full_ClearsInsteadOfGrowing()
    {
        var cache = new LookupCache<string>(3);
        var data = new Data("v");
        for (UInt128 k = 1; k <= 10; k++)
        {
            Assert.Equal($"v:{k}", cache.GetOrAdd(data, k, Look, 0));
            Assert.True(cache.Count <= 3);
        }
    }

    [Fact]
    public void GetOrAdd_CapacityZero_NeverCaches()
    {
        var cache = new LookupCache<string>(0);
        var data = new Data("v");

        cache.GetOrAdd(data, 5, Look, 0);
        cache.GetOrAdd(data, 5, Look, 0);

        Assert.Equal(2, data.Lookups);
        Assert.Equal(0, cache.Count);
    }
}
