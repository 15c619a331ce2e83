using System.Collections.Concurrent;
using Logfold.Processing.Enrich.Tables;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>
/// Fills <c>source.domain</c>/<c>destination.domain</c> (when empty) from PTR lookups, without ever holding
/// an event past <see cref="ReverseDnsSettings.MaxWait"/>. A cache hit answers at once; a miss starts one
/// background lookup per address (bounded in number) and the event goes on with outcome Miss. Answers,
/// "no record" and failures are cached with their own TTLs, in a bounded cache.
/// </summary>
internal sealed class ReverseDnsEnricher : IEnricher
{
    private readonly IPtrResolver _resolver;
    private readonly ReverseDnsSettings _settings;
    private readonly TimeProvider _time;
    private readonly ReverseDnsCache _cache;
    private readonly ConcurrentDictionary<IpKey, Task<string?>> _pending = new();
    private readonly (FieldPath Ip, FieldPath Domain)[] _roles;
    private int _inFlight;
    private long _started;
    private long _failed;
    private long _rejected;

    /// <summary>Creates the enricher.</summary>
    /// <exception cref="ArgumentException">A role is unknown.</exception>
    public ReverseDnsEnricher(string name, IPtrResolver resolver, ReverseDnsSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _resolver = resolver;
        _settings = settings;
        _time = time;
        _cache = new ReverseDnsCache(settings.CacheSize, time);
        _roles = new (FieldPath, FieldPath)[settings.Roles.Count];
        for (var i = 0; i < _roles.Length; i++)
        {
            var role = settings.Roles[i];
            _roles[i] = role switch
            {
                "source" or "destination" or "client" or "server" => (FieldPath.Of(role + ".ip"), FieldPath.Of(role + ".domain")),
                "host" => (FieldPath.Of("host.ip"), FieldPath.Of("logfold.rdns.host")),
                _ => throw new ArgumentException($"Unknown reverse-DNS role '{role}' (use source, destination, client, server or host).", nameof(settings)),
            };
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Lookups started so far.</summary>
    internal long LookupsStarted => Interlocked.Read(ref _started);

    /// <summary>Lookups that failed (timeout, server error, malformed reply).</summary>
    internal long LookupsFailed => Interlocked.Read(ref _failed);

    /// <summary>Misses that started no lookup because <see cref="ReverseDnsSettings.MaxInFlight"/> were running.</summary>
    internal long LookupsRejected => Interlocked.Read(ref _rejected);

    /// <summary>Cached addresses.</summary>
    internal int CacheCount => _cache.Count;

    /// <summary>Completes when the lookups running now have finished (tests).</summary>
    internal Task WhenIdle() => Task.WhenAll(_pending.Values);

    /// <inheritdoc />
    public EnrichOutcome Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var looked = false;
        var hit = false;
        foreach (var (ipField, domainField) in _roles)
        {
            if (doc.Has(domainField) || doc.GetString(ipField) is not { } text || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            if (_settings.PrivateOnly && !IsInternal(key))
            {
                continue;
            }

            looked = true;
            if (Lookup(key) is { } name)
            {
                doc.Set(domainField, name);
                hit = true;
            }
        }

        return hit ? EnrichOutcome.Hit : looked ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private string? Lookup(IpKey key)
    {
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var task = Start(key);
        if (task is null || _settings.MaxWait <= TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            return task.Wait(_settings.MaxWait) ? task.Result : null;
        }
        catch (AggregateException)
        {
            return null;
        }
    }

    private Task<string?>? Start(IpKey key)
    {
        if (_pending.TryGetValue(key, out var running))
        {
            return running;
        }

        if (Interlocked.Increment(ref _inFlight) > _settings.MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _rejected);
            return null;
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = RunAsync(key, gate.Task);
        if (!_pending.TryAdd(key, task))
        {
            // Another thread started the same lookup first; let ours finish without querying.
            gate.SetCanceled();
            return _pending.TryGetValue(key, out var other) ? other : null;
        }

        Interlocked.Increment(ref _started);
        gate.SetResult();
        return task;
    }

    private async Task<string?> RunAsync(IpKey key, Task gate)
    {
        try
        {
            await gate.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _inFlight);
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_settings.QueryTimeout, _time);
            var name = DnsMessage.CleanHostname(await _resolver.ResolvePtrAsync(key.ToAddress(), timeout.Token).ConfigureAwait(false));
            _cache.Set(key, name, name is null ? _settings.NegativeTtl : _settings.Ttl);
            return name;
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _failed);
            _cache.Set(key, null, _settings.ErrorTtl);
            return null;
        }
        finally
        {
            _pending.TryRemove(key, out _);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    // RFC 1918, loopback, link-local, CGNAT (100.64/10), IPv6 ULA (fc00::/7), link-local (fe80::/10), ::1.
    private static bool IsInternal(IpKey key)
    {
        if (key.IsV4)
        {
            var ip = key.V4;
            return (ip >> 24) == 10 || (ip >> 20) == 0xAC1 || (ip >> 16) == 0xC0A8 || (ip >> 24) == 127 ||
                (ip >> 16) == 0xA9FE || (ip >> 22) == (100u << 2 | 1);
        }

        var top = (ulong)(key.Value >> 64);
        return (top >> 57) == 0x7E || (top >> 54) == 0x3FA || key.Value == UInt128.One;
    }
}
