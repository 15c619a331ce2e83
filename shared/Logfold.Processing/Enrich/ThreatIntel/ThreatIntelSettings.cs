namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>What the threat-intel enricher checks and how it marks a match.</summary>
public sealed class ThreatIntelSettings
{
    /// <summary>Fields holding IP addresses (a string or an array of strings).</summary>
    public IList<string> IpFields { get; set; } = ["source.ip", "destination.ip", "client.ip", "server.ip", "related.ip"];

    /// <summary>Fields holding domain names; an indicator also matches subdomains.</summary>
    public IList<string> DomainFields { get; set; } = ["url.domain", "dns.question.name", "destination.domain"];

    /// <summary>Fields holding absolute URLs.</summary>
    public IList<string> UrlFields { get; set; } = ["url.full", "url.original"];

    /// <summary>Fields holding MD5, SHA-1 or SHA-256 hashes.</summary>
    public IList<string> HashFields { get; set; } =
    [
        "file.hash.md5", "file.hash.sha1", "file.hash.sha256", "process.hash.md5", "process.hash.sha1", "process.hash.sha256",
    ];

    /// <summary>The tag appended to <c>tags</c> on a match (empty: no tag; <c>logfold.threat.matched</c> is always set).</summary>
    public string Tag { get; set; } = "threat-intel-match";

    /// <summary>The most <c>threat.enrichments</c> entries written for one event.</summary>
    public int MaxEnrichments { get; set; } = 16;
}
