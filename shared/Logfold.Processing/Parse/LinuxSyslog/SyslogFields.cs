using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// Field paths the Linux syslog mapper writes that <see cref="Ecs"/> does not declare: Elastic's
/// <c>system.auth.*</c> namespace, the <c>iptables.*</c> namespace of Elastic's iptables integration, and the
/// journald/systemd fields Filebeat's journald input produces.
/// </summary>
internal static class SyslogFields
{
    // system.auth.ssh.*
    public static readonly FieldPath SshEvent = FieldPath.Of("system.auth.ssh.event");
    public static readonly FieldPath SshMethod = FieldPath.Of("system.auth.ssh.method");
    public static readonly FieldPath SshSignature = FieldPath.Of("system.auth.ssh.signature");
    public static readonly FieldPath SshDroppedIp = FieldPath.Of("system.auth.ssh.dropped_ip");

    // system.auth.sudo.*
    public static readonly FieldPath SudoError = FieldPath.Of("system.auth.sudo.error");
    public static readonly FieldPath SudoTty = FieldPath.Of("system.auth.sudo.tty");
    public static readonly FieldPath SudoPwd = FieldPath.Of("system.auth.sudo.pwd");
    public static readonly FieldPath SudoUser = FieldPath.Of("system.auth.sudo.user");
    public static readonly FieldPath SudoCommand = FieldPath.Of("system.auth.sudo.command");

    // system.auth.useradd.*
    public static readonly FieldPath UseraddHome = FieldPath.Of("system.auth.useradd.home");
    public static readonly FieldPath UseraddShell = FieldPath.Of("system.auth.useradd.shell");

    // iptables.* (Elastic's iptables integration)
    public static readonly FieldPath IptInputDevice = FieldPath.Of("iptables.input_device");
    public static readonly FieldPath IptOutputDevice = FieldPath.Of("iptables.output_device");
    public static readonly FieldPath IptEtherType = FieldPath.Of("iptables.ether_type");
    public static readonly FieldPath IptLength = FieldPath.Of("iptables.length");
    public static readonly FieldPath IptTos = FieldPath.Of("iptables.tos");
    public static readonly FieldPath IptPrecedenceBits = FieldPath.Of("iptables.precedence_bits");
    public static readonly FieldPath IptTtl = FieldPath.Of("iptables.ttl");
    public static readonly FieldPath IptId = FieldPath.Of("iptables.id");
    public static readonly FieldPath IptFlowLabel = FieldPath.Of("iptables.flow_label");
    public static readonly FieldPath IptFragmentFlags = FieldPath.Of("iptables.fragment_flags");
    public static readonly FieldPath IptTcpWindow = FieldPath.Of("iptables.tcp.window");
    public static readonly FieldPath IptTcpReservedBits = FieldPath.Of("iptables.tcp.reserved_bits");
    public static readonly FieldPath IptTcpFlags = FieldPath.Of("iptables.tcp.flags");
    public static readonly FieldPath IptTcpSeq = FieldPath.Of("iptables.tcp.seq");
    public static readonly FieldPath IptTcpAck = FieldPath.Of("iptables.tcp.ack");
    public static readonly FieldPath IptUdpLength = FieldPath.Of("iptables.udp.length");
    public static readonly FieldPath IptIcmpType = FieldPath.Of("iptables.icmp.type");
    public static readonly FieldPath IptIcmpCode = FieldPath.Of("iptables.icmp.code");
    public static readonly FieldPath IptIcmpId = FieldPath.Of("iptables.icmp.id");
    public static readonly FieldPath IptIcmpSeq = FieldPath.Of("iptables.icmp.seq");

    // journald / systemd (Filebeat's journald input field conversion)
    public static readonly FieldPath SystemdUnit = FieldPath.Of("systemd.unit");
    public static readonly FieldPath SystemdUserUnit = FieldPath.Of("systemd.user_unit");
    public static readonly FieldPath SystemdSlice = FieldPath.Of("systemd.slice");
    public static readonly FieldPath SystemdUserSlice = FieldPath.Of("systemd.user_slice");
    public static readonly FieldPath SystemdCgroup = FieldPath.Of("systemd.cgroup");
    public static readonly FieldPath SystemdInvocationId = FieldPath.Of("systemd.invocation_id");
    public static readonly FieldPath SystemdOwnerUid = FieldPath.Of("systemd.owner_uid");
    public static readonly FieldPath SystemdSession = FieldPath.Of("systemd.session");
    public static readonly FieldPath SystemdTransport = FieldPath.Of("systemd.transport");
    public static readonly FieldPath JournaldHostBootId = FieldPath.Of("journald.host.boot_id");
    public static readonly FieldPath JournaldUid = FieldPath.Of("journald.uid");
    public static readonly FieldPath JournaldGid = FieldPath.Of("journald.gid");
    public static readonly FieldPath JournaldAuditLoginUid = FieldPath.Of("journald.audit.login_uid");
    public static readonly FieldPath JournaldAuditSession = FieldPath.Of("journald.audit.session");
    public static readonly FieldPath JournaldProcessCapabilities = FieldPath.Of("journald.process.capabilities");
    public static readonly FieldPath JournaldCodeFile = FieldPath.Of("journald.code.file");
    public static readonly FieldPath JournaldCodeFunc = FieldPath.Of("journald.code.func");
    public static readonly FieldPath JournaldCodeLine = FieldPath.Of("journald.code.line");
    public static readonly FieldPath JournaldUnit = FieldPath.Of("journald.unit");
    public static readonly FieldPath JournaldCustom = FieldPath.Of("journald.custom");
    public static readonly FieldPath ContainerId = FieldPath.Of("container.id");
    public static readonly FieldPath ContainerName = FieldPath.Of("container.name");
    public static readonly FieldPath ContainerImageName = FieldPath.Of("container.image.name");
    public static readonly FieldPath ContainerLogTag = FieldPath.Of("container.log.tag");
}
