using Logfold.Processing.Enrich.CommunityId;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// The Community ID of a PAN-OS traffic flow, as Elastic's <c>community_id</c> processor computes it for TCP, UDP
/// and SCTP with seed 0 (PAN logs give no ICMP type, so other protocols get none). The hashing itself is
/// <see cref="CommunityIdHash"/>, shared with the <c>community_id</c> enricher.
/// </summary>
internal static class PanCommunityId
{
    /// <summary>The <c>1:base64(sha1(...))</c> ID of a flow, or null when the flow cannot be hashed.</summary>
    public static string? Compute(string? sourceIp, long sourcePort, string? destinationIp, long destinationPort, string? transport)
    {
        var protocol = transport switch
        {
            "tcp" => CommunityIdHash.Tcp,
            "udp" => CommunityIdHash.Udp,
            "sctp" => CommunityIdHash.Sctp,
            _ => (byte)0,
        };
        return protocol == 0 || sourcePort is <= 0 or > 65535 || destinationPort is <= 0 or > 65535
            ? null
            : CommunityIdHash.Compute(sourceIp, destinationIp, protocol, sourcePort, destinationPort);
    }
}
