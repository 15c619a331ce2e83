using System.Collections.Concurrent;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>
/// A bounded, thread-safe cache of PTR answers with per-entry expiry. Two generations of at most half the
/// capacity each: when the young one fills, it becomes the old one and the previous old one is dropped, so
/// recently used entries (promoted on hit) survive and memory never exceeds the capacity. A null name is a
/// negative entry (no PTR record, or a failed lookup).
/// </summary>
internal sealed class ReverseDnsCache
{
    private readonly int _generationSize;
    private readonly TimeProvider _time;
    private readonly Lock _rotateLock = new();
    private ConcurrentDictionary<IpKey, Entry> _young = new();
    private ConcurrentDictionary<IpKey, Entry> _old = new();

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> entries.</summary>
    public ReverseDnsCache(int capacity, TimeProvider time)
    {
        _generationSize = Math.Max(1, capacity / 2);
        _time = time;
    }

    /// <summary>How many entries are held (both generations, expired ones included until dropped).</summary>
    public int Count => _young.Count + _old.Count;

    /// <summary>Finds a live entry; <paramref name="name"/> is null for a negative entry.</summary>
    public bool TryGet(IpKey key, out string? name)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (_young.TryGetValue(key, out var entry))
        {
            name = entry.Name;
            return entry.ExpiresTicks > now;
        }

        if (_old.TryGetValue(key, out entry) && entry.ExpiresTicks > now)
        {
            Put(key, entry);
            name = entry.Name;
            return true;
        }

        name = null;
        return false;
    }

    /// <summary>Stores an answer for <paramref name="ttl"/>.</summary>
    public void Set(IpKey key, string? name, TimeSpan ttl) => Put(key, new Entry(name, _time.GetUtcNow().UtcTicks + ttl.Ticks));

    private void Put(IpKey key, Entry entry)
    {
        if (_young.Count >= _generationSize && !_young.ContainsKey(key))
        {
            lock (_rotateLock)
            {
                if (_young.Count >= _generationSize)
                {
                    _old = _young;
                    _young = new ConcurrentDictionary<IpKey, Entry>();
                }
            }
        }

        _young[key] = entry;
    }

    private readonly record struct Entry(string? Name, long ExpiresTicks);
}
