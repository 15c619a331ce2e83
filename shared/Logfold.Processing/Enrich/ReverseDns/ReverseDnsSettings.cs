namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>Settings for reverse-DNS (PTR) enrichment.</summary>
public sealed class ReverseDnsSettings
{
    /// <summary>The resolver to ask, as <c>address</c> or <c>address:port</c> (port 53 by default).</summary>
    public string Server { get; set; } = "127.0.0.1";

    /// <summary>
    /// Roles whose <c>.ip</c> is looked up and whose <c>.domain</c> is filled when empty: source, destination,
    /// client, server, host (host.ip → host.hostname is not touched; it writes <c>logfold.rdns.host</c>).
    /// </summary>
    public IList<string> Roles { get; set; } = ["source", "destination"];

    /// <summary>
    /// Look up private, loopback and link-local addresses only (default). Asking an outside resolver about a
    /// public address tells whoever runs its reverse zone that you looked.
    /// </summary>
    public bool PrivateOnly { get; set; } = true;

    /// <summary>
    /// How long an event may wait for a lookup it started; never longer. 0 (the default) never waits: a cache
    /// miss starts a background lookup and the event goes on; later events hit the cache.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.Zero;

    /// <summary>The deadline of one DNS query; a query that runs out is cached as a failure for <see cref="ErrorTtl"/>.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a PTR name is cached.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long "no PTR record" is cached.</summary>
    public TimeSpan NegativeTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a failed lookup (timeout, server error) is cached before it is retried.</summary>
    public TimeSpan ErrorTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most cached addresses.</summary>
    public int CacheSize { get; set; } = 100_000;

    /// <summary>The most lookups in flight at once; misses beyond it start no lookup.</summary>
    public int MaxInFlight { get; set; } = 64;
}
