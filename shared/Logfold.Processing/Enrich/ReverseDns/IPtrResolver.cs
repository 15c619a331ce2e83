using System.Net;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>Looks up the PTR name of an address (the reverse-DNS enricher's only view of the network).</summary>
internal interface IPtrResolver
{
    /// <summary>
    /// The PTR name (lower-case, no trailing dot), or null when the address has none (NXDOMAIN or no PTR
    /// record). Throws when the lookup fails (timeout through <paramref name="cancellationToken"/>, server
    /// failure, malformed answer).
    /// </summary>
    Task<string?> ResolvePtrAsync(IPAddress address, CancellationToken cancellationToken);
}
