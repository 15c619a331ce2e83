using System.Collections.Frozen;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>The ECS categorization of one event id: its code string, <c>event.category</c>, <c>event.type</c> and <c>event.action</c>.</summary>
internal sealed record WinEventClass(string Code, string[] Categories, string[] Types, string? Action);

/// <summary>
/// Lookup tables taken from the public Microsoft auditing documentation, arranged the way Elastic's
/// <c>system.security</c> and <c>windows.sysmon_operational</c> pipelines categorize events, so the
/// <c>event.action</c> names and category/type arrays agree with theirs.
/// </summary>
internal static class WinEventTables
{
    /// <summary>Security-Auditing and Eventlog event ids.</summary>
    public static readonly FrozenDictionary<long, WinEventClass> Security = new Dictionary<long, WinEventClass>
    {
        [1100] = new("1100", ["process"], ["end"], "logging-service-shutdown"),
        [1102] = new("1102", ["iam"], ["admin", "change"], "audit-log-cleared"),
        [1104] = new("1104", ["iam"], ["admin"], "logging-full"),
        [1105] = new("1105", ["iam"], ["admin"], "auditlog-archieved"),
        [1108] = new("1108", ["iam"], ["admin"], "logging-processing-error"),
        [4610] = new("4610", ["configuration"], ["access"], "authentication-package-loaded"),
        [4611] = new("4611", ["configuration"], ["change"], "trusted-logon-process-registered"),
        [4614] = new("4614", ["configuration"], ["access"], "notification-package-loaded"),
        [4616] = new("4616", ["configuration"], ["change"], "system-time-changed"),
        [4622] = new("4622", ["configuration"], ["access"], "security-package-loaded"),
        [4624] = new("4624", ["authentication"], ["start"], "logged-in"),
        [4625] = new("4625", ["authentication"], ["start"], "logon-failed"),
        [4634] = new("4634", ["authentication"], ["end"], "logged-out"),
        [4647] = new("4647", ["authentication"], ["end"], "logged-out"),
        [4648] = new("4648", ["authentication"], ["start"], "logged-in-explicit"),
        [4657] = new("4657", ["registry", "configuration"], ["change"], "registry-value-modified"),
        [4670] = new("4670", ["iam", "configuration"], ["admin", "change"], "permissions-changed"),
        [4672] = new("4672", ["iam"], ["admin"], "logged-in-special"),
        [4673] = new("4673", ["iam"], ["admin"], "privileged-service-called"),
        [4674] = new("4674", ["iam"], ["admin"], "privileged-operation"),
        [4688] = new("4688", ["process"], ["start"], "created-process"),
        [4689] = new("4689", ["process"], ["end"], "exited-process"),
        [4697] = new("4697", ["iam", "configuration"], ["admin", "change"], "service-installed"),
        [4698] = new("4698", ["iam", "configuration"], ["creation", "admin"], "scheduled-task-created"),
        [4699] = new("4699", ["iam", "configuration"], ["deletion", "admin"], "scheduled-task-deleted"),
        [4700] = new("4700", ["iam", "configuration"], ["change", "admin"], "scheduled-task-enabled"),
        [4701] = new("4701", ["iam", "configuration"], ["change", "admin"], "scheduled-task-disabled"),
        [4702] = new("4702", ["iam", "configuration"], ["change", "admin"], "scheduled-task-updated"),
        [4706] = new("4706", ["configuration"], ["creation"], "domain-trust-added"),
        [4707] = new("4707", ["configuration"], ["deletion"], "domain-trust-removed"),
        [4713] = new("4713", ["configuration"], ["change"], "kerberos-policy-changed"),
        [4714] = new("4714", ["configuration"], ["change"], "encrypted-data-recovery-policy-changed"),
        [4715] = new("4715", ["configuration"], ["change"], "object-audit-policy-changed"),
        [4716] = new("4716", ["configuration"], ["change"], "trusted-domain-information-changed"),
        [4717] = new("4717", ["iam", "configuration"], ["admin", "change"], "system-security-access-granted"),
        [4718] = new("4718", ["iam", "configuration"], ["admin", "deletion"], "system-security-access-removed"),
        [4719] = new("4719", ["iam", "configuration"], ["admin", "change"], "changed-audit-config"),
        [4720] = new("4720", ["iam"], ["user", "creation"], "added-user-account"),
        [4722] = new("4722", ["iam"], ["user", "change"], "enabled-user-account"),
        [4723] = new("4723", ["iam"], ["user", "change"], "changed-password"),
        [4724] = new("4724", ["iam"], ["user", "change"], "reset-password"),
        [4725] = new("4725", ["iam"], ["user", "deletion"], "disabled-user-account"),
        [4726] = new("4726", ["iam"], ["user", "deletion"], "deleted-user-account"),
        [4727] = new("4727", ["iam"], ["group", "creation"], "added-group-account"),
        [4728] = new("4728", ["iam"], ["group", "change"], "added-member-to-group"),
        [4729] = new("4729", ["iam"], ["group", "change"], "removed-member-from-group"),
        [4730] = new("4730", ["iam"], ["group", "deletion"], "deleted-group-account"),
        [4731] = new("4731", ["iam"], ["group", "creation"], "added-group-account"),
        [4732] = new("4732", ["iam"], ["group", "change"], "added-member-to-group"),
        [4733] = new("4733", ["iam"], ["group", "change"], "removed-member-from-group"),
        [4734] = new("4734", ["iam"], ["group", "deletion"], "deleted-group-account"),
        [4735] = new("4735", ["iam"], ["group", "change"], "modified-group-account"),
        [4737] = new("4737", ["iam"], ["group", "change"], "modified-group-account"),
        [4738] = new("4738", ["iam"], ["user", "change"], "modified-user-account"),
        [4739] = new("4739", ["configuration"], ["change"], "domain-policy-changed"),
        [4740] = new("4740", ["iam"], ["user", "change"], "locked-out-user-account"),
        [4741] = new("4741", ["iam"], ["creation", "admin"], "added-computer-account"),
        [4742] = new("4742", ["iam"], ["change", "admin"], "changed-computer-account"),
        [4743] = new("4743", ["iam"], ["deletion", "admin"], "deleted-computer-account"),
        [4744] = new("4744", ["iam"], ["group", "creation"], "added-distribution-group-account"),
        [4745] = new("4745", ["iam"], ["group", "change"], "changed-distribution-group-account"),
        [4746] = new("4746", ["iam"], ["group", "change"], "added-member-to-distribution-group"),
        [4747] = new("4747", ["iam"], ["group", "change"], "removed-member-from-distribution-group"),
        [4748] = new("4748", ["iam"], ["group", "deletion"], "deleted-distribution-group-account"),
        [4749] = new("4749", ["iam"], ["group", "creation"], "added-distribution-group-account"),
        [4750] = new("4750", ["iam"], ["group", "change"], "changed-distribution-group-account"),
        [4751] = new("4751", ["iam"], ["group", "change"], "added-member-to-distribution-group"),
        [4752] = new("4752", ["iam"], ["group", "change"], "removed-member-from-distribution-group"),
        [4753] = new("4753", ["iam"], ["group", "deletion"], "deleted-distribution-group-account"),
        [4754] = new("4754", ["iam"], ["group", "creation"], "added-group-account"),
        [4755] = new("4755", ["iam"], ["group", "change"], "modified-group-account"),
        [4756] = new("4756", ["iam"], ["group", "change"], "added-member-to-group"),
        [4757] = new("4757", ["iam"], ["group", "change"], "removed-member-from-group"),
        [4758] = new("4758", ["iam"], ["group", "deletion"], "deleted-group-account"),
        [4759] = new("4759", ["iam"], ["group", "creation"], "added-distribution-group-account"),
        [4760] = new("4760", ["iam"], ["group", "change"], "changed-distribution-group-account"),
        [4761] = new("4761", ["iam"], ["group", "change"], "added-member-to-distribution-group"),
        [4762] = new("4762", ["iam"], ["group", "change"], "removed-member-from-distribution-group"),
        [4763] = new("4763", ["iam"], ["group", "deletion"], "deleted-distribution-group-account"),
        [4764] = new("4764", ["iam"], ["group", "change"], "type-changed-group-account"),
        [4767] = new("4767", ["iam"], ["user", "change"], "unlocked-user-account"),
        [4768] = new("4768", ["authentication"], ["start"], "kerberos-authentication-ticket-requested"),
        [4769] = new("4769", ["authentication"], ["start"], "kerberos-service-ticket-requested"),
        [4770] = new("4770", ["authentication"], ["start"], "kerberos-service-ticket-renewed"),
        [4771] = new("4771", ["authentication"], ["start"], "kerberos-preauth-failed"),
        [4776] = new("4776", ["authentication"], ["start"], "credential-validated"),
        [4778] = new("4778", ["authentication", "session"], ["start"], "session-reconnected"),
        [4779] = new("4779", ["authentication", "session"], ["end"], "session-disconnected"),
        [4781] = new("4781", ["iam"], ["user", "change"], "renamed-user-account"),
        [4798] = new("4798", ["iam"], ["user", "info"], "group-membership-enumerated"),
        [4799] = new("4799", ["iam"], ["group", "info"], "user-member-enumerated"),
        [4817] = new("4817", ["iam", "configuration"], ["admin", "change"], "object-audit-changed"),
        [4902] = new("4902", ["iam", "configuration"], ["admin", "creation"], "user-audit-policy-created"),
        [4904] = new("4904", ["iam", "configuration"], ["admin", "change"], "security-event-source-added"),
        [4905] = new("4905", ["iam", "configuration"], ["admin", "deletion"], "security-event-source-removed"),
        [4906] = new("4906", ["iam", "configuration"], ["admin", "change"], "crash-on-audit-changed"),
        [4907] = new("4907", ["iam", "configuration"], ["admin", "change"], "audit-setting-changed"),
        [4908] = new("4908", ["iam", "configuration"], ["admin", "change"], "special-group-table-changed"),
        [4912] = new("4912", ["iam", "configuration"], ["admin", "change"], "per-user-audit-policy-changed"),
        [4950] = new("4950", ["configuration"], ["change"], "windows-firewall-setting-changed"),
        [4954] = new("4954", ["configuration"], ["change"], "windows-firewall-group-policy-changed"),
        [4964] = new("4964", ["iam"], ["admin", "group"], "logged-in-special"),
        [5024] = new("5024", ["process"], ["start"], "windows-firewall-service-started"),
        [5025] = new("5025", ["process"], ["end"], "windows-firewall-service-stopped"),
        [5033] = new("5033", ["driver"], ["start"], "windows-firewall-driver-started"),
        [5034] = new("5034", ["driver"], ["end"], "windows-firewall-driver-stopped"),
        [5037] = new("5037", ["driver"], ["end"], "windows-firewall-driver-error"),
        [5140] = new("5140", ["network", "file"], ["info", "access"], "network-share-object-accessed"),
        [5145] = new("5145", ["network", "file"], ["info", "access"], "network-share-object-access-checked"),
    }.ToFrozenDictionary();

    /// <summary>Sysmon event ids (Microsoft-Windows-Sysmon/Operational).</summary>
    public static readonly FrozenDictionary<long, WinEventClass> Sysmon = new Dictionary<long, WinEventClass>
    {
        [1] = new("1", ["process"], ["start"], "Process creation"),
        [2] = new("2", ["file"], ["change"], "A process changed a file creation time"),
        [3] = new("3", ["network"], ["start", "connection", "protocol"], "Network connection"),
        [4] = new("4", ["process"], ["change"], "Sysmon service state changed"),
        [5] = new("5", ["process"], ["end"], "Process terminated"),
        [6] = new("6", ["driver"], ["start"], "Driver loaded"),
        [7] = new("7", ["process"], ["change"], "Image loaded"),
        [8] = new("8", ["process"], ["change"], "CreateRemoteThread"),
        [9] = new("9", ["process"], ["access"], "RawAccessRead"),
        [10] = new("10", ["process"], ["access"], "ProcessAccess"),
        [11] = new("11", ["file"], ["creation"], "FileCreate"),
        [12] = new("12", ["configuration", "registry"], ["change"], "RegistryEvent (Object create and delete)"),
        [13] = new("13", ["configuration", "registry"], ["change"], "RegistryEvent (Value Set)"),
        [14] = new("14", ["configuration", "registry"], ["change"], "RegistryEvent (Key and Value Rename)"),
        [15] = new("15", ["file"], ["access"], "FileCreateStreamHash"),
        [16] = new("16", ["configuration"], ["change"], "ServiceConfigurationChange"),
        [17] = new("17", ["file"], ["creation"], "PipeEvent (Pipe Created)"),
        [18] = new("18", ["file"], ["access"], "PipeEvent (Pipe Connected)"),
        [19] = new("19", ["process"], ["info"], "WmiEvent (WmiEventFilter activity detected)"),
        [20] = new("20", ["process"], ["change"], "WmiEvent (WmiEventConsumer activity detected)"),
        [21] = new("21", ["process"], ["access"], "WmiEvent (WmiEventConsumerToFilter activity detected)"),
        [22] = new("22", ["network"], ["connection", "protocol", "info"], "DNSEvent (DNS query)"),
        [23] = new("23", ["file"], ["deletion"], "FileDelete (File Delete archived)"),
        [24] = new("24", [], ["change"], "ClipboardChange (New content in the clipboard)"),
        [25] = new("25", ["process"], ["change"], "ProcessTampering (Process image change)"),
        [26] = new("26", ["file"], ["deletion"], "FileDeleteDetected (File Delete logged)"),
        [27] = new("27", ["file"], ["creation"], "FileBlockExecutable"),
        [28] = new("28", ["file"], ["deletion"], "FileBlockShredding"),
        [29] = new("29", ["file"], ["creation"], "FileExecutableDetected"),
        [255] = new("255", ["process"], [], "Error"),
    }.ToFrozenDictionary();

    /// <summary>Service Control Manager (System channel) event ids.</summary>
    public static readonly FrozenDictionary<long, WinEventClass> ServiceControlManager = new Dictionary<long, WinEventClass>
    {
        [7045] = new("7045", ["iam", "configuration"], ["admin", "change"], "service-installed"),
        [7040] = new("7040", ["configuration"], ["change"], "service-start-type-changed"),
        [7036] = new("7036", ["process"], ["change"], "service-state-changed"),
    }.ToFrozenDictionary();

    /// <summary>Logon type numbers (<c>LogonType</c>) to <c>winlog.logon.type</c>.</summary>
    public static readonly FrozenDictionary<string, string> LogonTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["0"] = "System",
        ["2"] = "Interactive",
        ["3"] = "Network",
        ["4"] = "Batch",
        ["5"] = "Service",
        ["7"] = "Unlock",
        ["8"] = "NetworkCleartext",
        ["9"] = "NewCredentials",
        ["10"] = "RemoteInteractive",
        ["11"] = "CachedInteractive",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>NTSTATUS codes of failed logons (4625, 4776) to <c>winlog.logon.failure.status</c>/<c>sub_status</c>.</summary>
    public static readonly FrozenDictionary<string, string> LogonStatus = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["0xc000005e"] = "There are currently no logon servers available to service the logon request.",
        ["0xc0000064"] = "User logon with misspelled or bad user account",
        ["0xc000006a"] = "User logon with misspelled or bad password",
        ["0xc000006d"] = "This is either due to a bad username or authentication information",
        ["0xc000006e"] = "Unknown user name or bad password.",
        ["0xc000006f"] = "User logon outside authorized hours",
        ["0xc0000070"] = "User logon from unauthorized workstation",
        ["0xc0000071"] = "User logon with expired password",
        ["0xc0000072"] = "User logon to account disabled by administrator",
        ["0xc00000dc"] = "Indicates the Sam Server was in the wrong state to perform the desired operation.",
        ["0xc0000133"] = "Clocks between DC and other computer too far out of sync",
        ["0xc000015b"] = "The user has not been granted the requested logon type (aka logon right) at this machine",
        ["0xc000018c"] = "The logon request failed because the trust relationship between the primary domain and the trusted domain failed.",
        ["0xc0000192"] = "An attempt was made to logon, but the Netlogon service was not started.",
        ["0xc0000193"] = "User logon with expired account",
        ["0xc0000224"] = "User is required to change password at next logon",
        ["0xc0000225"] = "Evidently a bug in Windows and not a risk",
        ["0xc0000234"] = "User logon with account locked",
        ["0xc00002ee"] = "Failure Reason: An Error occurred during Logon",
        ["0xc0000413"] = "Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.",
        ["0xc0000371"] = "The local account store does not contain secret material for the specified account",
        ["0x0"] = "Status OK.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>%%23xx</c> logon failure reasons (msobjs.dll) to <c>winlog.logon.failure.reason</c>.</summary>
    public static readonly FrozenDictionary<string, string> FailureReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2304"] = "An Error occured during Logon.",
        ["2305"] = "The specified user account has expired.",
        ["2306"] = "The NetLogon component is not active.",
        ["2307"] = "Account locked out.",
        ["2308"] = "The user has not been granted the requested logon type at this machine.",
        ["2309"] = "The specified account's password has expired.",
        ["2310"] = "Account currently disabled.",
        ["2311"] = "Account logon time restriction violation.",
        ["2312"] = "User not allowed to logon at this computer.",
        ["2313"] = "Unknown user name or bad password.",
        ["2314"] = "Domain sid inconsistent.",
        ["2315"] = "Smartcard logon is required and was not used.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Service types of 4697/7045 (<c>ServiceType</c>) to their names.</summary>
    public static readonly FrozenDictionary<string, string> ServiceTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["0x1"] = "Kernel Driver",
        ["0x2"] = "File System Driver",
        ["0x8"] = "Recognizer Driver",
        ["0x10"] = "Win32 Own Process",
        ["0x20"] = "Win32 Share Process",
        ["0x110"] = "Interactive Own Process",
        ["0x120"] = "Interactive Share Process",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The numeric event level to the name Winlogbeat renders (<c>log.level</c>).</summary>
    public static string? LevelName(long level) => level switch
    {
        0 => "information",
        1 => "critical",
        2 => "error",
        3 => "warning",
        4 => "information",
        5 => "verbose",
        _ => null,
    };
}
