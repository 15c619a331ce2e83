using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// The CSV column order of each PAN-OS log type after the seven common header columns (FUTURE_USE, Receive
/// Time, Serial Number, Type, Threat/Content Type, FUTURE_USE, Generated Time), as documented in "Syslog Field
/// Descriptions" for PAN-OS 8.1 to 11.1 (later releases only append columns). Each entry names the
/// <c>panw.panos.*</c> field the column is kept under; <c>-</c> marks a column that is only mapped to ECS (or
/// is FUTURE_USE), a <c>:n</c> suffix an integer and a <c>:t</c> suffix a time in the device zone.
/// </summary>
internal static class PanLayouts
{
    /// <summary>The index of the first type-specific column.</summary>
    public const int First = 7;

    public static readonly PanLayout Traffic = new(
    [
        "-src", "-dst", "-natsrc", "-natdst", "ruleset", "-srcuser", "-dstuser", "-app", "virtual_sys", "-from", "-to",
        "-inbound_if", "-outbound_if", "log_profile", "-", "flow_id", "repeat_count:n", "-sport", "-dport", "-natsport",
        "-natdport", "-flags", "-proto", "action", "-bytes", "-bytes_sent", "-bytes_received", "-packets", "-start",
        "-elapsed", "url.category", "-", "sequence_number", "action_flags", "-srcloc", "-dstloc", "-", "-pkts_sent",
        "-pkts_received", "endreason", "device_group_hierarchy1", "device_group_hierarchy2", "device_group_hierarchy3",
        "device_group_hierarchy4", "vsys_name", "-device_name", "action_source", "source_vm_uuid", "destination_vm_uuid",
        "imsi", "imei", "parent_session.id", "parent_session.start_time:t", "tunnel_type", "sctp.assoc_id",
        "sctp.chunks:n", "sctp.chunks_sent:n", "sctp.chunks_received:n", "-rule_uuid", "http2_connection",
        "link.change_count:n", "policy.id", "link.switches", "sdwan.cluster.name", "sdwan.device_type",
        "sdwan.cluster.type", "sdwan.site", "dynamic_user.group.name", "xff.ip", "src.category", "src.profile",
        "src.model", "src.vendor", "src.os.family", "src.os.version", "src.host", "src.mac", "dst.category",
        "dst.profile", "dst.model", "dst.vendor", "dst.os.family", "dst.os.version", "dst.host", "dst.mac",
        "container.id", "pod.namespace", "pod.name", "src.external_dynamic_list", "dst.external_dynamic_list",
        "host.id", "serial_number", "src.dynamic_address_group", "dst.dynamic_address_group", "session.owner",
        "high_resolution_timestamp:t", "nsdsai_sst", "nsdsai_sd", "application.sub_category", "application.category",
        "application.technology", "application.risk_level:n", "application.characteristics", "application.container",
        "application.tunneled", "application.is_saas", "application.is_sanctioned", "is_offloaded",
    ]);

    public static readonly PanLayout Threat = new(
    [
        "-src", "-dst", "-natsrc", "-natdst", "ruleset", "-srcuser", "-dstuser", "-app", "virtual_sys", "-from", "-to",
        "-inbound_if", "-outbound_if", "log_profile", "logged_time:t", "flow_id", "repeat_count:n", "-sport", "-dport",
        "-natsport", "-natdport", "-flags", "-proto", "action", "-misc", "-threat", "url.category", "-severity",
        "-direction", "sequence_number", "action_flags", "-srcloc", "-dstloc", "-", "http_content_type",
        "network.pcap_id", "file.hash", "wildfire.name", "url_idx", "-user_agent", "-file_type", "-xff", "-referrer",
        "-sender", "subject", "-recipient", "wildfire.report_id", "device_group_hierarchy1", "device_group_hierarchy2",
        "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name", "-", "source_vm_uuid",
        "destination_vm_uuid", "-http_method", "imsi", "imei", "parent_session.id", "parent_session.start_time:t",
        "tunnel_type", "threat_category", "content_version", "-", "sctp.assoc_id", "payload_protocol_id",
        "http_headers", "url_category_list", "-rule_uuid", "http2_connection", "dynamic_user.group.name", "xff.ip",
        "src.category", "src.profile", "src.model", "src.vendor", "src.os.family", "src.os.version", "src.host",
        "src.mac", "dst.category", "dst.profile", "dst.model", "dst.vendor", "dst.os.family", "dst.os.version",
        "dst.host", "dst.mac", "container.id", "pod.namespace", "pod.name", "src.external_dynamic_list",
        "dst.external_dynamic_list", "host.id", "serial_number", "domain_edl", "src.dynamic_address_group",
        "dst.dynamic_address_group", "partial_hash", "high_resolution_timestamp:t", "reason", "justification",
        "nssai_sst", "application.sub_category", "application.category", "application.technology",
        "application.risk_level:n", "application.characteristics", "application.container", "application.tunneled",
        "application.is_saas", "application.is_sanctioned", "cloud_report.id",
    ]);

    public static readonly PanLayout Config = new(
    [
        "-host_ip", "virtual_sys", "cmd", "admin", "client_type", "result", "path", "before_change_detail",
        "after_change_detail", "sequence_number", "action_flags", "device_group_hierarchy1", "device_group_hierarchy2",
        "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name", "device_group_id", "comment",
        "full_path", "high_resolution_timestamp:t",
    ]);

    public static readonly PanLayout System = new(
    [
        "virtual_sys", "event.id", "object.id", "-", "-", "module", "severity", "description", "sequence_number",
        "action_flags", "device_group_hierarchy1", "device_group_hierarchy2", "device_group_hierarchy3",
        "device_group_hierarchy4", "vsys_name", "-device_name", "-", "-", "high_resolution_timestamp:t",
    ]);

    public static readonly PanLayout UserId = new(
    [
        "virtual_sys", "-src", "-srcuser", "datasourcename", "event.id", "repeat_count:n", "timeout:n", "-sport",
        "-dport", "datasource", "datasourcetype", "sequence_number", "action_flags", "device_group_hierarchy1",
        "device_group_hierarchy2", "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name",
        "vsys_id", "factortype", "factorcompletiontime:t", "factorno:n", "ugflags", "user_by_source", "tag.name",
        "high_resolution_timestamp:t", "origindatasource", "dynamic_user.group.name",
    ]);

    public static readonly PanLayout GlobalProtect = new(
    [
        "virtual_sys", "event.id", "stage", "auth_method", "tunnel_type", "-srcuser", "-srcloc", "-machine_name",
        "-public_ip", "-public_ipv6", "-private_ip", "-private_ipv6", "-host_id", "serial_number", "client_ver",
        "-client_os", "-client_os_version", "repeat_count:n", "-reason", "error_message", "description", "-status",
        "-location", "-login_duration", "connect_method", "error_code:n", "portal", "sequence_number", "action_flags",
        "high_resolution_timestamp:t", "selection_type", "response_time:n", "priority", "attempted_gateways",
        "gateway", "device_group_hierarchy1", "device_group_hierarchy2", "device_group_hierarchy3",
        "device_group_hierarchy4", "vsys_name", "-device_name", "vsys_id",
    ]);

    public static readonly PanLayout HipMatch = new(
    [
        "-srcuser", "virtual_sys", "-machine_name", "-machine_os", "-src", "matchname", "repeat_count:n", "matchtype",
        "-", "-", "sequence_number", "action_flags", "device_group_hierarchy1", "device_group_hierarchy2",
        "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name", "vsys_id", "-srcipv6",
        "-host_id", "serial_number", "-mac", "high_resolution_timestamp:t",
    ]);

    public static readonly PanLayout Authentication = new(
    [
        "virtual_sys", "-src", "-user", "-normalize_user", "object.id", "authentication.policy", "repeat_count:n",
        "authentication.id", "vendor", "log_profile", "server_profile", "description", "client_type", "event.result",
        "factorno:n", "sequence_number", "action_flags", "device_group_hierarchy1", "device_group_hierarchy2",
        "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name", "vsys_id",
        "authentication.protocol", "-rule_uuid", "high_resolution_timestamp:t", "src.category", "src.profile",
        "src.model", "src.vendor", "src.os.family", "src.os.version", "src.host", "src.mac", "region", "-",
        "-user_agent", "flow_id",
    ]);

    public static readonly PanLayout Decryption = new(
    [
        "-src", "-dst", "-natsrc", "-natdst", "ruleset", "-srcuser", "-dstuser", "-app", "virtual_sys", "-from", "-to",
        "-inbound_if", "-outbound_if", "log_profile", "logged_time:t", "flow_id", "repeat_count:n", "-sport", "-dport",
        "-natsport", "-natdport", "-flags", "-proto", "action", "tunnel_type", "-", "-", "source_vm_uuid",
        "destination_vm_uuid", "-rule_uuid", "hs_stage_c2f", "hs_stage_f2s", "-tls_version", "tls.key_exchange_algorithm",
        "tls.encryption", "tls.auth", "policy.name", "-elliptic_curve", "tls.error_type", "root_certificate_status",
        "chain_status", "proxy_type", "-cert_serial", "-fingerprint", "-not_before", "-not_after", "-cert_version",
        "-cert_size", "subject_common_name.length:n", "issuer_common_name.length:n", "root_common_name.length:n",
        "server_name_indication.length:n", "certificate.flags", "subject_common_name.value", "issuer_common_name.value",
        "root_common_name.value", "-sni", "error_message", "container.id", "pod.namespace", "pod.name",
        "src.external_dynamic_list", "dst.external_dynamic_list", "src.dynamic_address_group",
        "dst.dynamic_address_group", "high_resolution_timestamp:t", "src.category", "src.profile", "src.model",
        "src.vendor", "src.os.family", "src.os.version", "src.host", "src.mac", "dst.category", "dst.profile",
        "dst.model", "dst.vendor", "dst.os.family", "dst.os.version", "dst.host", "dst.mac", "sequence_number",
        "action_flags", "device_group_hierarchy1", "device_group_hierarchy2", "device_group_hierarchy3",
        "device_group_hierarchy4", "vsys_name", "-device_name", "vsys_id", "application.sub_category",
        "application.category", "application.technology", "application.risk_level:n", "application.characteristics",
        "application.container", "application.tunneled", "application.is_saas", "application.is_sanctioned",
    ]);

    public static readonly PanLayout IpTag = new(
    [
        "virtual_sys", "-src", "tag.name", "event.id", "repeat_count:n", "timeout:n", "datasourcename", "datasource_type",
        "datasource_subtype", "sequence_number", "action_flags", "device_group_hierarchy1", "device_group_hierarchy2",
        "device_group_hierarchy3", "device_group_hierarchy4", "vsys_name", "-device_name", "vsys_id",
        "high_resolution_timestamp:t",
    ]);
}

/// <summary>How a vendor column is typed.</summary>
internal enum PanColumnKind
{
    Skip,
    Text,
    Number,
    Time,
}

/// <summary>One log type's columns, compiled from names to interned paths once.</summary>
internal sealed class PanLayout
{
    public PanLayout(string[] columns)
    {
        Paths = new FieldPath?[columns.Length];
        Kinds = new PanColumnKind[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = columns[i];
            if (name.StartsWith('-'))
            {
                Kinds[i] = PanColumnKind.Skip;
                continue;
            }

            var kind = PanColumnKind.Text;
            if (name.EndsWith(":n", StringComparison.Ordinal))
            {
                kind = PanColumnKind.Number;
                name = name[..^2];
            }
            else if (name.EndsWith(":t", StringComparison.Ordinal))
            {
                kind = PanColumnKind.Time;
                name = name[..^2];
            }

            Kinds[i] = kind;
            Paths[i] = FieldPath.Of("panw.panos." + name);
        }
    }

    /// <summary>The vendor path of each column (null when skipped).</summary>
    public FieldPath?[] Paths { get; }

    /// <summary>How each column is typed.</summary>
    public PanColumnKind[] Kinds { get; }
}
