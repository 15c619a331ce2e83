namespace Logfold.Processing.Enrich.Net;

/// <summary>The class of an IP address, by the IANA special-purpose registries (RFC 6890 and successors).</summary>
internal enum IpClass : byte
{
    /// <summary>Not classified (not an address).</summary>
    None = 0,

    /// <summary>Globally routable.</summary>
    Public,

    /// <summary>RFC 1918 IPv4 and RFC 4193 unique-local IPv6.</summary>
    Private,

    /// <summary>127.0.0.0/8 and ::1.</summary>
    Loopback,

    /// <summary>169.254.0.0/16 and fe80::/10.</summary>
    LinkLocal,

    /// <summary>224.0.0.0/4 and ff00::/8.</summary>
    Multicast,

    /// <summary>TEST-NET-1/2/3 and 2001:db8::/32, 3fff::/20.</summary>
    Documentation,

    /// <summary>100.64.0.0/10, carrier-grade NAT shared space (RFC 6598).</summary>
    Shared,

    /// <summary>Unspecified, reserved, benchmarking, broadcast and unallocated space.</summary>
    Reserved,
}
