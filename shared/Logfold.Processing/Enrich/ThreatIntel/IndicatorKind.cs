namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>The kinds of indicator a threat-intel table matches.</summary>
internal enum IndicatorKind
{
    /// <summary>An IPv4 or IPv6 address or CIDR block.</summary>
    Ip,

    /// <summary>A domain; it also matches its subdomains.</summary>
    Domain,

    /// <summary>A URL, compared in normalized form.</summary>
    Url,

    /// <summary>An MD5 file hash.</summary>
    Md5,

    /// <summary>A SHA-1 file hash.</summary>
    Sha1,

    /// <summary>A SHA-256 file hash.</summary>
    Sha256,
}
