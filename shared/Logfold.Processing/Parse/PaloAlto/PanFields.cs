using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// Field paths the PAN-OS mapper writes that <see cref="Ecs"/> does not declare: the <c>panw.panos.*</c> vendor
/// namespace and a few ECS fields only this source uses. <see cref="FieldPath.Of"/> interns, so a path declared
/// here and elsewhere is the same path.
/// </summary>
internal static class PanFields
{
    public static readonly FieldPath Type = FieldPath.Of("panw.panos.type");
    public static readonly FieldPath SubType = FieldPath.Of("panw.panos.sub_type");
    public static readonly FieldPath GeneratedTime = FieldPath.Of("panw.panos.generated_time");
    public static readonly FieldPath ReceivedTime = FieldPath.Of("panw.panos.received_time");
    public static readonly FieldPath ThreatId = FieldPath.Of("panw.panos.threat.id");
    public static readonly FieldPath ThreatName = FieldPath.Of("panw.panos.threat.name");
    public static readonly FieldPath Action = FieldPath.Of("panw.panos.action");
    public static readonly FieldPath NetworkDirection = FieldPath.Of("panw.panos.network.direction");
    public static readonly FieldPath NatCommunityId = FieldPath.Of("panw.panos.network.nat.community_id");
    public static readonly FieldPath SourceLocation = FieldPath.Of("panw.panos.source.location");
    public static readonly FieldPath DestinationLocation = FieldPath.Of("panw.panos.destination.location");
    public static readonly FieldPath SourceUser = FieldPath.Of("panw.panos.source.user");
    public static readonly FieldPath DestinationUser = FieldPath.Of("panw.panos.destination.user");
    public static readonly FieldPath XForwardedFor = FieldPath.Of("panw.panos.x_forwarded_for");
    public static readonly FieldPath UserAgent = FieldPath.Of("panw.panos.user_agent");
    public static readonly FieldPath User = FieldPath.Of("panw.panos.user");
    public static readonly FieldPath SourceIpv6 = FieldPath.Of("panw.panos.source.ipv6");
    public static readonly FieldPath PublicIpv6 = FieldPath.Of("panw.panos.public.ipv6");
    public static readonly FieldPath PrivateIpv6 = FieldPath.Of("panw.panos.private.ipv6");
    public static readonly FieldPath SourceRegion = FieldPath.Of("panw.panos.source.region");
    public static readonly FieldPath TlsVersion = FieldPath.Of("panw.panos.tls.version");
    public static readonly FieldPath Hash = FieldPath.Of("panw.panos.hash");
    public static readonly FieldPath AuditEventCode = FieldPath.Of("panw.panos.event.code");
    public static readonly FieldPath AuditEventId = FieldPath.Of("panw.panos.event.id");
    public static readonly FieldPath AuditEventAction = FieldPath.Of("panw.panos.event.action");
    public static readonly FieldPath AuditEventOutcome = FieldPath.Of("panw.panos.event.outcome");
    public static readonly FieldPath CefName = FieldPath.Of("panw.panos.cef.name");
    public static readonly FieldPath CefSeverity = FieldPath.Of("panw.panos.cef.severity");
    public static readonly FieldPath Format = FieldPath.Of("panw.panos.format");

    // ECS fields not declared in Ecs.cs.
    public static readonly FieldPath FileType = FieldPath.Of("file.type");
    public static readonly FieldPath NetworkForwardedIp = FieldPath.Of("network.forwarded_ip");
    public static readonly FieldPath HostMac = FieldPath.Of("host.mac");
    public static readonly FieldPath HostOsFull = FieldPath.Of("host.os.full");
    public static readonly FieldPath ObserverGeoName = FieldPath.Of("observer.geo.name");
    public static readonly FieldPath SourceGeoName = FieldPath.Of("source.geo.name");
    public static readonly FieldPath DestinationGeoName = FieldPath.Of("destination.geo.name");
    public static readonly FieldPath SourceUserEmail = FieldPath.Of("source.user.email");
    public static readonly FieldPath DestinationUserEmail = FieldPath.Of("destination.user.email");
    public static readonly FieldPath UrlPort = FieldPath.Of("url.port");
    public static readonly FieldPath UrlExtension = FieldPath.Of("url.extension");
    public static readonly FieldPath HttpVersion = FieldPath.Of("http.version");
    public static readonly FieldPath TlsCipher = FieldPath.Of("tls.cipher");
    public static readonly FieldPath TlsCurve = FieldPath.Of("tls.curve");
    public static readonly FieldPath TlsVersionNumber = FieldPath.Of("tls.version");
    public static readonly FieldPath TlsVersionProtocol = FieldPath.Of("tls.version_protocol");
    public static readonly FieldPath TlsServerName = FieldPath.Of("tls.client.server_name");
    public static readonly FieldPath TlsNotAfter = FieldPath.Of("tls.client.not_after");
    public static readonly FieldPath TlsNotBefore = FieldPath.Of("tls.client.not_before");
    public static readonly FieldPath TlsSubjectCommonName = FieldPath.Of("tls.client.x509.subject.common_name");
    public static readonly FieldPath TlsIssuerCommonName = FieldPath.Of("tls.client.x509.issuer.common_name");
    public static readonly FieldPath TlsPublicKeySize = FieldPath.Of("tls.client.x509.public_key_size");
    public static readonly FieldPath TlsSerialNumber = FieldPath.Of("tls.client.x509.serial_number");
    public static readonly FieldPath TlsVersionNumberX509 = FieldPath.Of("tls.client.x509.version_number");
    public static readonly FieldPath TlsHashMd5 = FieldPath.Of("tls.client.hash.md5");
    public static readonly FieldPath TlsHashSha1 = FieldPath.Of("tls.client.hash.sha1");
    public static readonly FieldPath TlsHashSha256 = FieldPath.Of("tls.client.hash.sha256");
    public static readonly FieldPath UserEmail = FieldPath.Of("user.email");

    /// <summary>The PAN-OS flag bits Elastic turns into <c>labels.*</c> booleans, in Elastic's order.</summary>
    public static readonly (long Bit, FieldPath Path)[] FlagLabels =
    [
        (0x80000000, FieldPath.Of("labels.pcap_included")),
        (0x40000000, FieldPath.Of("labels.connect_to_destination_host")),
        (0x20000000, FieldPath.Of("labels.file_submitted_to_WildFire")),
        (0x10000000, FieldPath.Of("labels.enterprise_credential_submission")),
        (0x08000000, FieldPath.Of("labels.source_flow_allow_list")),
        (0x02000000, FieldPath.Of("labels.ipv6_session")),
        (0x01000000, FieldPath.Of("labels.ssl_decrypted")),
        (0x00800000, FieldPath.Of("labels.url_filter_denied")),
        (0x00400000, FieldPath.Of("labels.nat_translated")),
        (0x00200000, FieldPath.Of("labels.captive_portal")),
        (0x00100000, FieldPath.Of("labels.non_standard_port_usage")),
        (0x00080000, FieldPath.Of("labels.x_forwarded_for")),
        (0x00040000, FieldPath.Of("labels.http_proxy")),
        (0x00020000, FieldPath.Of("labels.client_server_policy_based_forwarding")),
        (0x00010000, FieldPath.Of("labels.server_client_policy_based_forwarding")),
        (0x00008000, FieldPath.Of("labels.container_page")),
        (0x00002000, FieldPath.Of("labels.temporary_match")),
        (0x00000800, FieldPath.Of("labels.symmetric_return")),
        (0x00000400, FieldPath.Of("labels.decrypted_traffic")),
        (0x00000100, FieldPath.Of("labels.payload_outer_tunnel")),
    ];
}
