using System.Collections.Concurrent;

namespace Logfold.Processing.Enrich;

/// <summary>
/// A bounded, thread-safe cache of lookup results by address key, tied to one data version: when the enricher's
/// data is swapped (the snapshot returns a different instance) the cache starts empty, so a reload is never
/// hidden by old answers. When full it is cleared rather than evicted entry by entry, so a flood of distinct
/// addresses costs lookups, never memory. Misses are cached too (as null).
/// </summary>
/// <typeparam name="T">The prepared result.</typeparam>
internal sealed class LookupCache<T>
    where T : class
{
    private readonly int _capacity;
    private State? _state;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries (0 disables caching).</summary>
    public LookupCache(int capacity) => _capacity = capacity;

    /// <summary>Entries held now (tests and diagnostics).</summary>
    public int Count => Volatile.Read(ref _state)?.Map.Count ?? 0;

    /// <summary>Returns the cached result for <paramref name="key"/> in <paramref name="data"/>, or computes and caches it.</summary>
    public T? GetOrAdd<TData, TArg>(TData data, UInt128 key, Func<TData, UInt128, TArg, T?> lookup, TArg arg)
        where TData : class
    {
        if (_capacity <= 0)
        {
            return lookup(data, key, arg);
        }

        var state = Volatile.Read(ref _state);
        if (state is null || !ReferenceEquals(state.Data, data))
        {
            state = new State(data);
            Volatile.Write(ref _state, state);
        }

        if (state.Map.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = lookup(data, key, arg);
        // Counted with Interlocked rather than ConcurrentDictionary.Count, which takes every bucket lock.
        if (Volatile.Read(ref state.Added) >= _capacity)
        {
            Volatile.Write(ref _state, new State(data));
        }
        else if (state.Map.TryAdd(key, result))
        {
            Interlocked.Increment(ref state.Added);
        }

        return result;
    }

    private sealed class State(object data)
    {
#pragma warning disable CA1051 // A field, so Interlocked can update it.
        public int Added;
#pragma warning restore CA1051

        public object Data { get; } = data;

        public ConcurrentDictionary<UInt128, T?> Map { get; } = new();
    }
}
