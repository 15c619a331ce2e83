using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>The <c>winlog.*</c> vendor paths and the ECS paths the shared <see cref="Ecs"/> class does not declare.</summary>
internal static class WinFields
{
    public static readonly FieldPath EventId = FieldPath.Of("winlog.event_id");
    public static readonly FieldPath ProviderName = FieldPath.Of("winlog.provider_name");
    public static readonly FieldPath ProviderGuid = FieldPath.Of("winlog.provider_guid");
    public static readonly FieldPath ComputerName = FieldPath.Of("winlog.computer_name");
    public static readonly FieldPath Channel = FieldPath.Of("winlog.channel");
    public static readonly FieldPath RecordId = FieldPath.Of("winlog.record_id");
    public static readonly FieldPath Keywords = FieldPath.Of("winlog.keywords");
    public static readonly FieldPath Level = FieldPath.Of("winlog.level");
    public static readonly FieldPath Opcode = FieldPath.Of("winlog.opcode");
    public static readonly FieldPath Task = FieldPath.Of("winlog.task");
    public static readonly FieldPath Version = FieldPath.Of("winlog.version");
    public static readonly FieldPath TimeCreated = FieldPath.Of("winlog.time_created");
    public static readonly FieldPath ActivityId = FieldPath.Of("winlog.activity_id");
    public static readonly FieldPath RelatedActivityId = FieldPath.Of("winlog.related_activity_id");
    public static readonly FieldPath Outcome = FieldPath.Of("winlog.outcome");
    public static readonly FieldPath EventData = FieldPath.Of("winlog.event_data");
    public static readonly FieldPath UserData = FieldPath.Of("winlog.user_data");
    public static readonly FieldPath ProcessPid = FieldPath.Of("winlog.process.pid");
    public static readonly FieldPath ProcessThreadId = FieldPath.Of("winlog.process.thread.id");
    public static readonly FieldPath UserIdentifier = FieldPath.Of("winlog.user.identifier");
    public static readonly FieldPath UserName = FieldPath.Of("winlog.user.name");
    public static readonly FieldPath UserDomain = FieldPath.Of("winlog.user.domain");
    public static readonly FieldPath UserType = FieldPath.Of("winlog.user.type");
    public static readonly FieldPath LogonId = FieldPath.Of("winlog.logon.id");
    public static readonly FieldPath LogonType = FieldPath.Of("winlog.logon.type");
    public static readonly FieldPath LogonFailureReason = FieldPath.Of("winlog.logon.failure.reason");
    public static readonly FieldPath LogonFailureStatus = FieldPath.Of("winlog.logon.failure.status");
    public static readonly FieldPath LogonFailureSubStatus = FieldPath.Of("winlog.logon.failure.sub_status");
    public static readonly FieldPath ComputerObjectId = FieldPath.Of("winlog.computerObject.id");
    public static readonly FieldPath ComputerObjectName = FieldPath.Of("winlog.computerObject.name");
    public static readonly FieldPath ComputerObjectDomain = FieldPath.Of("winlog.computerObject.domain");

    // ECS paths not declared in Ecs.cs.
    public static readonly FieldPath SourceDomain = FieldPath.Of("source.domain");
    public static readonly FieldPath ProcessArgsCount = FieldPath.Of("process.args_count");
    public static readonly FieldPath ProcessParentArgs = FieldPath.Of("process.parent.args");
    public static readonly FieldPath ProcessParentArgsCount = FieldPath.Of("process.parent.args_count");
    public static readonly FieldPath ProcessPeOriginalFileName = FieldPath.Of("process.pe.original_file_name");
    public static readonly FieldPath ProcessPeCompany = FieldPath.Of("process.pe.company");
    public static readonly FieldPath ProcessPeDescription = FieldPath.Of("process.pe.description");
    public static readonly FieldPath ProcessPeFileVersion = FieldPath.Of("process.pe.file_version");
    public static readonly FieldPath ProcessPeProduct = FieldPath.Of("process.pe.product");
    public static readonly FieldPath ProcessPeImphash = FieldPath.Of("process.pe.imphash");
    public static readonly FieldPath FileDirectory = FieldPath.Of("file.directory");
    public static readonly FieldPath FileExtension = FieldPath.Of("file.extension");
    public static readonly FieldPath FilePeImphash = FieldPath.Of("file.pe.imphash");
    public static readonly FieldPath FilePeOriginalFileName = FieldPath.Of("file.pe.original_file_name");
    public static readonly FieldPath FilePeCompany = FieldPath.Of("file.pe.company");
    public static readonly FieldPath FilePeDescription = FieldPath.Of("file.pe.description");
    public static readonly FieldPath FilePeFileVersion = FieldPath.Of("file.pe.file_version");
    public static readonly FieldPath FilePeProduct = FieldPath.Of("file.pe.product");
    public static readonly FieldPath FileCodeSignatureSubjectName = FieldPath.Of("file.code_signature.subject_name");
    public static readonly FieldPath FileCodeSignatureStatus = FieldPath.Of("file.code_signature.status");
    public static readonly FieldPath FileCodeSignatureSigned = FieldPath.Of("file.code_signature.signed");
    public static readonly FieldPath FileCodeSignatureValid = FieldPath.Of("file.code_signature.valid");
    public static readonly FieldPath DestinationDomain = FieldPath.Of("destination.domain");
    public static readonly FieldPath RegistryPath = FieldPath.Of("registry.path");
    public static readonly FieldPath RegistryValue = FieldPath.Of("registry.value");
    public static readonly FieldPath RegistryKey = FieldPath.Of("registry.key");
    public static readonly FieldPath RegistryHive = FieldPath.Of("registry.hive");
    public static readonly FieldPath RegistryDataStrings = FieldPath.Of("registry.data.strings");
    public static readonly FieldPath RegistryDataType = FieldPath.Of("registry.data.type");
    public static readonly FieldPath ServiceName = FieldPath.Of("service.name");
    public static readonly FieldPath ServiceType = FieldPath.Of("service.type");
}
