namespace Logfold.Processing.Model;

/// <summary>Interned paths for the Elastic Common Schema fields every mapper shares, plus <c>logfold.*</c>.</summary>
/// <remarks>Vendor namespaces (<c>panw.panos.*</c>, <c>aws.cloudtrail.*</c>, <c>winlog.*</c>) are declared by their mappers.</remarks>
public static class Ecs
{
    /// <summary><c>@timestamp</c></summary>
    public static readonly FieldPath Timestamp = FieldPath.Of("@timestamp");

    /// <summary><c>message</c></summary>
    public static readonly FieldPath Message = FieldPath.Of("message");

    /// <summary><c>tags</c></summary>
    public static readonly FieldPath Tags = FieldPath.Of("tags");

    /// <summary><c>labels</c></summary>
    public static readonly FieldPath Labels = FieldPath.Of("labels");

    /// <summary><c>event.original</c></summary>
    public static readonly FieldPath EventOriginal = FieldPath.Of("event.original");

    /// <summary><c>event.kind</c></summary>
    public static readonly FieldPath EventKind = FieldPath.Of("event.kind");

    /// <summary><c>event.category</c></summary>
    public static readonly FieldPath EventCategory = FieldPath.Of("event.category");

    /// <summary><c>event.type</c></summary>
    public static readonly FieldPath EventType = FieldPath.Of("event.type");

    /// <summary><c>event.action</c></summary>
    public static readonly FieldPath EventAction = FieldPath.Of("event.action");

    /// <summary><c>event.outcome</c></summary>
    public static readonly FieldPath EventOutcome = FieldPath.Of("event.outcome");

    /// <summary><c>event.code</c></summary>
    public static readonly FieldPath EventCode = FieldPath.Of("event.code");

    /// <summary><c>event.module</c></summary>
    public static readonly FieldPath EventModule = FieldPath.Of("event.module");

    /// <summary><c>event.dataset</c></summary>
    public static readonly FieldPath EventDataset = FieldPath.Of("event.dataset");

    /// <summary><c>event.provider</c></summary>
    public static readonly FieldPath EventProvider = FieldPath.Of("event.provider");

    /// <summary><c>event.severity</c></summary>
    public static readonly FieldPath EventSeverity = FieldPath.Of("event.severity");

    /// <summary><c>event.created</c></summary>
    public static readonly FieldPath EventCreated = FieldPath.Of("event.created");

    /// <summary><c>event.start</c></summary>
    public static readonly FieldPath EventStart = FieldPath.Of("event.start");

    /// <summary><c>event.end</c></summary>
    public static readonly FieldPath EventEnd = FieldPath.Of("event.end");

    /// <summary><c>event.duration</c></summary>
    public static readonly FieldPath EventDuration = FieldPath.Of("event.duration");

    /// <summary><c>event.id</c></summary>
    public static readonly FieldPath EventId = FieldPath.Of("event.id");

    /// <summary><c>event.reason</c></summary>
    public static readonly FieldPath EventReason = FieldPath.Of("event.reason");

    /// <summary><c>event.sequence</c></summary>
    public static readonly FieldPath EventSequence = FieldPath.Of("event.sequence");

    /// <summary><c>event.timezone</c></summary>
    public static readonly FieldPath EventTimezone = FieldPath.Of("event.timezone");

    /// <summary><c>event.risk_score</c></summary>
    public static readonly FieldPath EventRiskScore = FieldPath.Of("event.risk_score");

    /// <summary><c>event.url</c></summary>
    public static readonly FieldPath EventUrl = FieldPath.Of("event.url");

    /// <summary><c>source.ip</c></summary>
    public static readonly FieldPath SourceIp = FieldPath.Of("source.ip");

    /// <summary><c>source.address</c></summary>
    public static readonly FieldPath SourceAddress = FieldPath.Of("source.address");

    /// <summary><c>source.port</c></summary>
    public static readonly FieldPath SourcePort = FieldPath.Of("source.port");

    /// <summary><c>source.bytes</c></summary>
    public static readonly FieldPath SourceBytes = FieldPath.Of("source.bytes");

    /// <summary><c>source.packets</c></summary>
    public static readonly FieldPath SourcePackets = FieldPath.Of("source.packets");

    /// <summary><c>source.domain</c></summary>
    public static readonly FieldPath SourceDomain = FieldPath.Of("source.domain");

    /// <summary><c>source.mac</c></summary>
    public static readonly FieldPath SourceMac = FieldPath.Of("source.mac");

    /// <summary><c>source.nat.ip</c></summary>
    public static readonly FieldPath SourceNatIp = FieldPath.Of("source.nat.ip");

    /// <summary><c>source.nat.port</c></summary>
    public static readonly FieldPath SourceNatPort = FieldPath.Of("source.nat.port");

    /// <summary><c>source.user.name</c></summary>
    public static readonly FieldPath SourceUserName = FieldPath.Of("source.user.name");

    /// <summary><c>source.user.domain</c></summary>
    public static readonly FieldPath SourceUserDomain = FieldPath.Of("source.user.domain");

    /// <summary><c>source.geo.country_iso_code</c></summary>
    public static readonly FieldPath SourceGeoCountryIsoCode = FieldPath.Of("source.geo.country_iso_code");

    /// <summary><c>destination.ip</c></summary>
    public static readonly FieldPath DestinationIp = FieldPath.Of("destination.ip");

    /// <summary><c>destination.address</c></summary>
    public static readonly FieldPath DestinationAddress = FieldPath.Of("destination.address");

    /// <summary><c>destination.port</c></summary>
    public static readonly FieldPath DestinationPort = FieldPath.Of("destination.port");

    /// <summary><c>destination.bytes</c></summary>
    public static readonly FieldPath DestinationBytes = FieldPath.Of("destination.bytes");

    /// <summary><c>destination.packets</c></summary>
    public static readonly FieldPath DestinationPackets = FieldPath.Of("destination.packets");

    /// <summary><c>destination.domain</c></summary>
    public static readonly FieldPath DestinationDomain = FieldPath.Of("destination.domain");

    /// <summary><c>destination.mac</c></summary>
    public static readonly FieldPath DestinationMac = FieldPath.Of("destination.mac");

    /// <summary><c>destination.nat.ip</c></summary>
    public static readonly FieldPath DestinationNatIp = FieldPath.Of("destination.nat.ip");

    /// <summary><c>destination.nat.port</c></summary>
    public static readonly FieldPath DestinationNatPort = FieldPath.Of("destination.nat.port");

    /// <summary><c>destination.user.name</c></summary>
    public static readonly FieldPath DestinationUserName = FieldPath.Of("destination.user.name");

    /// <summary><c>destination.user.domain</c></summary>
    public static readonly FieldPath DestinationUserDomain = FieldPath.Of("destination.user.domain");

    /// <summary><c>destination.geo.country_iso_code</c></summary>
    public static readonly FieldPath DestinationGeoCountryIsoCode = FieldPath.Of("destination.geo.country_iso_code");

    /// <summary><c>client.ip</c></summary>
    public static readonly FieldPath ClientIp = FieldPath.Of("client.ip");

    /// <summary><c>client.address</c></summary>
    public static readonly FieldPath ClientAddress = FieldPath.Of("client.address");

    /// <summary><c>client.port</c></summary>
    public static readonly FieldPath ClientPort = FieldPath.Of("client.port");

    /// <summary><c>client.bytes</c></summary>
    public static readonly FieldPath ClientBytes = FieldPath.Of("client.bytes");

    /// <summary><c>client.packets</c></summary>
    public static readonly FieldPath ClientPackets = FieldPath.Of("client.packets");

    /// <summary><c>client.nat.ip</c></summary>
    public static readonly FieldPath ClientNatIp = FieldPath.Of("client.nat.ip");

    /// <summary><c>client.nat.port</c></summary>
    public static readonly FieldPath ClientNatPort = FieldPath.Of("client.nat.port");

    /// <summary><c>client.user.name</c></summary>
    public static readonly FieldPath ClientUserName = FieldPath.Of("client.user.name");

    /// <summary><c>client.user.domain</c></summary>
    public static readonly FieldPath ClientUserDomain = FieldPath.Of("client.user.domain");

    /// <summary><c>server.ip</c></summary>
    public static readonly FieldPath ServerIp = FieldPath.Of("server.ip");

    /// <summary><c>server.address</c></summary>
    public static readonly FieldPath ServerAddress = FieldPath.Of("server.address");

    /// <summary><c>server.port</c></summary>
    public static readonly FieldPath ServerPort = FieldPath.Of("server.port");

    /// <summary><c>server.bytes</c></summary>
    public static readonly FieldPath ServerBytes = FieldPath.Of("server.bytes");

    /// <summary><c>server.packets</c></summary>
    public static readonly FieldPath ServerPackets = FieldPath.Of("server.packets");

    /// <summary><c>server.nat.ip</c></summary>
    public static readonly FieldPath ServerNatIp = FieldPath.Of("server.nat.ip");

    /// <summary><c>server.nat.port</c></summary>
    public static readonly FieldPath ServerNatPort = FieldPath.Of("server.nat.port");

    /// <summary><c>server.user.name</c></summary>
    public static readonly FieldPath ServerUserName = FieldPath.Of("server.user.name");

    /// <summary><c>server.user.domain</c></summary>
    public static readonly FieldPath ServerUserDomain = FieldPath.Of("server.user.domain");

    /// <summary><c>network.transport</c></summary>
    public static readonly FieldPath NetworkTransport = FieldPath.Of("network.transport");

    /// <summary><c>network.protocol</c></summary>
    public static readonly FieldPath NetworkProtocol = FieldPath.Of("network.protocol");

    /// <summary><c>network.direction</c></summary>
    public static readonly FieldPath NetworkDirection = FieldPath.Of("network.direction");

    /// <summary><c>network.bytes</c></summary>
    public static readonly FieldPath NetworkBytes = FieldPath.Of("network.bytes");

    /// <summary><c>network.packets</c></summary>
    public static readonly FieldPath NetworkPackets = FieldPath.Of("network.packets");

    /// <summary><c>network.application</c></summary>
    public static readonly FieldPath NetworkApplication = FieldPath.Of("network.application");

    /// <summary><c>network.type</c></summary>
    public static readonly FieldPath NetworkType = FieldPath.Of("network.type");

    /// <summary><c>network.iana_number</c></summary>
    public static readonly FieldPath NetworkIanaNumber = FieldPath.Of("network.iana_number");

    /// <summary><c>network.community_id</c></summary>
    public static readonly FieldPath NetworkCommunityId = FieldPath.Of("network.community_id");

    /// <summary><c>user.name</c></summary>
    public static readonly FieldPath UserName = FieldPath.Of("user.name");

    /// <summary><c>user.domain</c></summary>
    public static readonly FieldPath UserDomain = FieldPath.Of("user.domain");

    /// <summary><c>user.id</c></summary>
    public static readonly FieldPath UserId = FieldPath.Of("user.id");

    /// <summary><c>user.email</c></summary>
    public static readonly FieldPath UserEmail = FieldPath.Of("user.email");

    /// <summary><c>user.full_name</c></summary>
    public static readonly FieldPath UserFullName = FieldPath.Of("user.full_name");

    /// <summary><c>user.roles</c></summary>
    public static readonly FieldPath UserRoles = FieldPath.Of("user.roles");

    /// <summary><c>user.target.name</c></summary>
    public static readonly FieldPath UserTargetName = FieldPath.Of("user.target.name");

    /// <summary><c>user.target.domain</c></summary>
    public static readonly FieldPath UserTargetDomain = FieldPath.Of("user.target.domain");

    /// <summary><c>user.target.id</c></summary>
    public static readonly FieldPath UserTargetId = FieldPath.Of("user.target.id");

    /// <summary><c>user.target.group.name</c></summary>
    public static readonly FieldPath UserTargetGroupName = FieldPath.Of("user.target.group.name");

    /// <summary><c>user.target.group.id</c></summary>
    public static readonly FieldPath UserTargetGroupId = FieldPath.Of("user.target.group.id");

    /// <summary><c>user.target.group.domain</c></summary>
    public static readonly FieldPath UserTargetGroupDomain = FieldPath.Of("user.target.group.domain");

    /// <summary><c>user.effective.name</c></summary>
    public static readonly FieldPath UserEffectiveName = FieldPath.Of("user.effective.name");

    /// <summary><c>user.effective.domain</c></summary>
    public static readonly FieldPath UserEffectiveDomain = FieldPath.Of("user.effective.domain");

    /// <summary><c>user.effective.id</c></summary>
    public static readonly FieldPath UserEffectiveId = FieldPath.Of("user.effective.id");

    /// <summary><c>user.changes.name</c></summary>
    public static readonly FieldPath UserChangesName = FieldPath.Of("user.changes.name");

    /// <summary><c>group.name</c></summary>
    public static readonly FieldPath GroupName = FieldPath.Of("group.name");

    /// <summary><c>group.id</c></summary>
    public static readonly FieldPath GroupId = FieldPath.Of("group.id");

    /// <summary><c>group.domain</c></summary>
    public static readonly FieldPath GroupDomain = FieldPath.Of("group.domain");

    /// <summary><c>host.name</c></summary>
    public static readonly FieldPath HostName = FieldPath.Of("host.name");

    /// <summary><c>host.hostname</c></summary>
    public static readonly FieldPath HostHostname = FieldPath.Of("host.hostname");

    /// <summary><c>host.ip</c></summary>
    public static readonly FieldPath HostIp = FieldPath.Of("host.ip");

    /// <summary><c>host.id</c></summary>
    public static readonly FieldPath HostId = FieldPath.Of("host.id");

    /// <summary><c>host.domain</c></summary>
    public static readonly FieldPath HostDomain = FieldPath.Of("host.domain");

    /// <summary><c>host.os.type</c></summary>
    public static readonly FieldPath HostOsType = FieldPath.Of("host.os.type");

    /// <summary><c>host.os.family</c></summary>
    public static readonly FieldPath HostOsFamily = FieldPath.Of("host.os.family");

    /// <summary><c>process.pid</c></summary>
    public static readonly FieldPath ProcessPid = FieldPath.Of("process.pid");

    /// <summary><c>process.name</c></summary>
    public static readonly FieldPath ProcessName = FieldPath.Of("process.name");

    /// <summary><c>process.executable</c></summary>
    public static readonly FieldPath ProcessExecutable = FieldPath.Of("process.executable");

    /// <summary><c>process.command_line</c></summary>
    public static readonly FieldPath ProcessCommandLine = FieldPath.Of("process.command_line");

    /// <summary><c>process.args</c></summary>
    public static readonly FieldPath ProcessArgs = FieldPath.Of("process.args");

    /// <summary><c>process.entity_id</c></summary>
    public static readonly FieldPath ProcessEntityId = FieldPath.Of("process.entity_id");

    /// <summary><c>process.working_directory</c></summary>
    public static readonly FieldPath ProcessWorkingDirectory = FieldPath.Of("process.working_directory");

    /// <summary><c>process.thread.id</c></summary>
    public static readonly FieldPath ProcessThreadId = FieldPath.Of("process.thread.id");

    /// <summary><c>process.parent.pid</c></summary>
    public static readonly FieldPath ProcessParentPid = FieldPath.Of("process.parent.pid");

    /// <summary><c>process.parent.name</c></summary>
    public static readonly FieldPath ProcessParentName = FieldPath.Of("process.parent.name");

    /// <summary><c>process.parent.executable</c></summary>
    public static readonly FieldPath ProcessParentExecutable = FieldPath.Of("process.parent.executable");

    /// <summary><c>process.parent.command_line</c></summary>
    public static readonly FieldPath ProcessParentCommandLine = FieldPath.Of("process.parent.command_line");

    /// <summary><c>process.parent.entity_id</c></summary>
    public static readonly FieldPath ProcessParentEntityId = FieldPath.Of("process.parent.entity_id");

    /// <summary><c>process.hash.md5</c></summary>
    public static readonly FieldPath ProcessHashMd5 = FieldPath.Of("process.hash.md5");

    /// <summary><c>process.hash.sha1</c></summary>
    public static readonly FieldPath ProcessHashSha1 = FieldPath.Of("process.hash.sha1");

    /// <summary><c>process.hash.sha256</c></summary>
    public static readonly FieldPath ProcessHashSha256 = FieldPath.Of("process.hash.sha256");

    /// <summary><c>observer.serial_number</c></summary>
    public static readonly FieldPath ObserverSerialNumber = FieldPath.Of("observer.serial_number");

    /// <summary><c>observer.hostname</c></summary>
    public static readonly FieldPath ObserverHostname = FieldPath.Of("observer.hostname");

    /// <summary><c>observer.name</c></summary>
    public static readonly FieldPath ObserverName = FieldPath.Of("observer.name");

    /// <summary><c>observer.vendor</c></summary>
    public static readonly FieldPath ObserverVendor = FieldPath.Of("observer.vendor");

    /// <summary><c>observer.product</c></summary>
    public static readonly FieldPath ObserverProduct = FieldPath.Of("observer.product");

    /// <summary><c>observer.type</c></summary>
    public static readonly FieldPath ObserverType = FieldPath.Of("observer.type");

    /// <summary><c>observer.version</c></summary>
    public static readonly FieldPath ObserverVersion = FieldPath.Of("observer.version");

    /// <summary><c>observer.ingress.interface.name</c></summary>
    public static readonly FieldPath ObserverIngressInterfaceName = FieldPath.Of("observer.ingress.interface.name");

    /// <summary><c>observer.egress.interface.name</c></summary>
    public static readonly FieldPath ObserverEgressInterfaceName = FieldPath.Of("observer.egress.interface.name");

    /// <summary><c>observer.ingress.zone</c></summary>
    public static readonly FieldPath ObserverIngressZone = FieldPath.Of("observer.ingress.zone");

    /// <summary><c>observer.egress.zone</c></summary>
    public static readonly FieldPath ObserverEgressZone = FieldPath.Of("observer.egress.zone");

    /// <summary><c>rule.name</c></summary>
    public static readonly FieldPath RuleName = FieldPath.Of("rule.name");

    /// <summary><c>rule.id</c></summary>
    public static readonly FieldPath RuleId = FieldPath.Of("rule.id");

    /// <summary><c>rule.uuid</c></summary>
    public static readonly FieldPath RuleUuid = FieldPath.Of("rule.uuid");

    /// <summary><c>rule.category</c></summary>
    public static readonly FieldPath RuleCategory = FieldPath.Of("rule.category");

    /// <summary><c>cloud.provider</c></summary>
    public static readonly FieldPath CloudProvider = FieldPath.Of("cloud.provider");

    /// <summary><c>cloud.region</c></summary>
    public static readonly FieldPath CloudRegion = FieldPath.Of("cloud.region");

    /// <summary><c>cloud.account.id</c></summary>
    public static readonly FieldPath CloudAccountId = FieldPath.Of("cloud.account.id");

    /// <summary><c>cloud.service.name</c></summary>
    public static readonly FieldPath CloudServiceName = FieldPath.Of("cloud.service.name");

    /// <summary><c>log.level</c></summary>
    public static readonly FieldPath LogLevel = FieldPath.Of("log.level");

    /// <summary><c>log.logger</c></summary>
    public static readonly FieldPath LogLogger = FieldPath.Of("log.logger");

    /// <summary><c>log.syslog.priority</c></summary>
    public static readonly FieldPath LogSyslogPriority = FieldPath.Of("log.syslog.priority");

    /// <summary><c>log.syslog.facility.code</c></summary>
    public static readonly FieldPath LogSyslogFacilityCode = FieldPath.Of("log.syslog.facility.code");

    /// <summary><c>log.syslog.facility.name</c></summary>
    public static readonly FieldPath LogSyslogFacilityName = FieldPath.Of("log.syslog.facility.name");

    /// <summary><c>log.syslog.severity.code</c></summary>
    public static readonly FieldPath LogSyslogSeverityCode = FieldPath.Of("log.syslog.severity.code");

    /// <summary><c>log.syslog.severity.name</c></summary>
    public static readonly FieldPath LogSyslogSeverityName = FieldPath.Of("log.syslog.severity.name");

    /// <summary><c>log.syslog.hostname</c></summary>
    public static readonly FieldPath LogSyslogHostname = FieldPath.Of("log.syslog.hostname");

    /// <summary><c>log.syslog.appname</c></summary>
    public static readonly FieldPath LogSyslogAppname = FieldPath.Of("log.syslog.appname");

    /// <summary><c>log.syslog.procid</c></summary>
    public static readonly FieldPath LogSyslogProcid = FieldPath.Of("log.syslog.procid");

    /// <summary><c>log.syslog.msgid</c></summary>
    public static readonly FieldPath LogSyslogMsgid = FieldPath.Of("log.syslog.msgid");

    /// <summary><c>log.syslog.version</c></summary>
    public static readonly FieldPath LogSyslogVersion = FieldPath.Of("log.syslog.version");

    /// <summary><c>log.syslog.structured_data</c></summary>
    public static readonly FieldPath LogSyslogStructuredData = FieldPath.Of("log.syslog.structured_data");

    /// <summary><c>related.ip</c></summary>
    public static readonly FieldPath RelatedIp = FieldPath.Of("related.ip");

    /// <summary><c>related.user</c></summary>
    public static readonly FieldPath RelatedUser = FieldPath.Of("related.user");

    /// <summary><c>related.hosts</c></summary>
    public static readonly FieldPath RelatedHosts = FieldPath.Of("related.hosts");

    /// <summary><c>related.hash</c></summary>
    public static readonly FieldPath RelatedHash = FieldPath.Of("related.hash");

    /// <summary><c>file.name</c></summary>
    public static readonly FieldPath FileName = FieldPath.Of("file.name");

    /// <summary><c>file.path</c></summary>
    public static readonly FieldPath FilePath = FieldPath.Of("file.path");

    /// <summary><c>file.hash.md5</c></summary>
    public static readonly FieldPath FileHashMd5 = FieldPath.Of("file.hash.md5");

    /// <summary><c>file.hash.sha1</c></summary>
    public static readonly FieldPath FileHashSha1 = FieldPath.Of("file.hash.sha1");

    /// <summary><c>file.hash.sha256</c></summary>
    public static readonly FieldPath FileHashSha256 = FieldPath.Of("file.hash.sha256");

    /// <summary><c>url.original</c></summary>
    public static readonly FieldPath UrlOriginal = FieldPath.Of("url.original");

    /// <summary><c>url.domain</c></summary>
    public static readonly FieldPath UrlDomain = FieldPath.Of("url.domain");

    /// <summary><c>url.path</c></summary>
    public static readonly FieldPath UrlPath = FieldPath.Of("url.path");

    /// <summary><c>url.full</c></summary>
    public static readonly FieldPath UrlFull = FieldPath.Of("url.full");

    /// <summary><c>url.scheme</c></summary>
    public static readonly FieldPath UrlScheme = FieldPath.Of("url.scheme");

    /// <summary><c>url.query</c></summary>
    public static readonly FieldPath UrlQuery = FieldPath.Of("url.query");

    /// <summary><c>user_agent.original</c></summary>
    public static readonly FieldPath UserAgentOriginal = FieldPath.Of("user_agent.original");

    /// <summary><c>http.request.method</c></summary>
    public static readonly FieldPath HttpRequestMethod = FieldPath.Of("http.request.method");

    /// <summary><c>http.request.referrer</c></summary>
    public static readonly FieldPath HttpRequestReferrer = FieldPath.Of("http.request.referrer");

    /// <summary><c>http.response.status_code</c></summary>
    public static readonly FieldPath HttpResponseStatusCode = FieldPath.Of("http.response.status_code");

    /// <summary><c>dns.question.name</c></summary>
    public static readonly FieldPath DnsQuestionName = FieldPath.Of("dns.question.name");

    /// <summary><c>error.code</c></summary>
    public static readonly FieldPath ErrorCode = FieldPath.Of("error.code");

    /// <summary><c>error.message</c></summary>
    public static readonly FieldPath ErrorMessage = FieldPath.Of("error.message");

    /// <summary><c>error.type</c></summary>
    public static readonly FieldPath ErrorType = FieldPath.Of("error.type");

    /// <summary><c>threat.technique.id</c></summary>
    public static readonly FieldPath ThreatTechniqueId = FieldPath.Of("threat.technique.id");

    /// <summary><c>threat.technique.name</c></summary>
    public static readonly FieldPath ThreatTechniqueName = FieldPath.Of("threat.technique.name");

    /// <summary><c>threat.tactic.id</c></summary>
    public static readonly FieldPath ThreatTacticId = FieldPath.Of("threat.tactic.id");

    /// <summary><c>threat.tactic.name</c></summary>
    public static readonly FieldPath ThreatTacticName = FieldPath.Of("threat.tactic.name");

    /// <summary><c>service.name</c></summary>
    public static readonly FieldPath ServiceName = FieldPath.Of("service.name");

    /// <summary><c>service.type</c></summary>
    public static readonly FieldPath ServiceType = FieldPath.Of("service.type");

    /// <summary><c>logfold.source</c></summary>
    public static readonly FieldPath LogfoldSource = FieldPath.Of("logfold.source");

    /// <summary><c>logfold.confidence</c></summary>
    public static readonly FieldPath LogfoldConfidence = FieldPath.Of("logfold.confidence");

    /// <summary><c>logfold.input.line</c></summary>
    public static readonly FieldPath LogfoldInputLine = FieldPath.Of("logfold.input.line");

    /// <summary><c>logfold.detection.best_guess</c></summary>
    public static readonly FieldPath LogfoldDetectionBestGuess = FieldPath.Of("logfold.detection.best_guess");

    /// <summary><c>logfold.detection.best_guess_confidence</c></summary>
    public static readonly FieldPath LogfoldDetectionBestGuessConfidence = FieldPath.Of("logfold.detection.best_guess_confidence");

    /// <summary><c>logfold.detection.hint</c></summary>
    public static readonly FieldPath LogfoldDetectionHint = FieldPath.Of("logfold.detection.hint");

    /// <summary><c>logfold.detection.hint_disagreed</c></summary>
    public static readonly FieldPath LogfoldDetectionHintDisagreed = FieldPath.Of("logfold.detection.hint_disagreed");
}
