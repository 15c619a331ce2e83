using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// The field paths the CloudTrail module writes that <see cref="Ecs"/> does not declare: Elastic's
/// <c>aws.cloudtrail.*</c> vendor namespace plus a few ECS fields (<c>user_agent</c>, <c>tls</c>, <c>file</c>).
/// </summary>
internal static class CloudTrailFields
{
    public static readonly FieldPath EventVersion = FieldPath.Of("aws.cloudtrail.event_version");
    public static readonly FieldPath EventType = FieldPath.Of("aws.cloudtrail.event_type");
    public static readonly FieldPath EventCategory = FieldPath.Of("aws.cloudtrail.event_category");
    public static readonly FieldPath ErrorCode = FieldPath.Of("aws.cloudtrail.error_code");
    public static readonly FieldPath ErrorMessage = FieldPath.Of("aws.cloudtrail.error_message");
    public static readonly FieldPath RequestId = FieldPath.Of("aws.cloudtrail.request_id");
    public static readonly FieldPath ApiVersion = FieldPath.Of("aws.cloudtrail.api_version");
    public static readonly FieldPath ManagementEvent = FieldPath.Of("aws.cloudtrail.management_event");
    public static readonly FieldPath ReadOnly = FieldPath.Of("aws.cloudtrail.read_only");
    public static readonly FieldPath RecipientAccountId = FieldPath.Of("aws.cloudtrail.recipient_account_id");
    public static readonly FieldPath SharedEventId = FieldPath.Of("aws.cloudtrail.shared_event_id");
    public static readonly FieldPath VpcEndpointId = FieldPath.Of("aws.cloudtrail.vpc_endpoint_id");
    public static readonly FieldPath Resources = FieldPath.Of("aws.cloudtrail.resources");

    public static readonly FieldPath RequestParameters = FieldPath.Of("aws.cloudtrail.request_parameters");
    public static readonly FieldPath ResponseElements = FieldPath.Of("aws.cloudtrail.response_elements");
    public static readonly FieldPath AdditionalEventData = FieldPath.Of("aws.cloudtrail.additional_eventdata");
    public static readonly FieldPath ServiceEventDetails = FieldPath.Of("aws.cloudtrail.service_event_details");
    public static readonly FieldPath FlatRequestParameters = FieldPath.Of("aws.cloudtrail.flattened.request_parameters");
    public static readonly FieldPath FlatResponseElements = FieldPath.Of("aws.cloudtrail.flattened.response_elements");
    public static readonly FieldPath FlatAdditionalEventData = FieldPath.Of("aws.cloudtrail.flattened.additional_eventdata");
    public static readonly FieldPath FlatServiceEventDetails = FieldPath.Of("aws.cloudtrail.flattened.service_event_details");
    public static readonly FieldPath FlatInsightDetails = FieldPath.Of("aws.cloudtrail.flattened.insight_details");

    public static readonly FieldPath UserIdentityType = FieldPath.Of("aws.cloudtrail.user_identity.type");
    public static readonly FieldPath UserIdentityArn = FieldPath.Of("aws.cloudtrail.user_identity.arn");
    public static readonly FieldPath UserIdentityAccessKeyId = FieldPath.Of("aws.cloudtrail.user_identity.access_key_id");
    public static readonly FieldPath UserIdentityInvokedBy = FieldPath.Of("aws.cloudtrail.user_identity.invoked_by");
    public static readonly FieldPath SessionMfaAuthenticated = FieldPath.Of("aws.cloudtrail.user_identity.session_context.mfa_authenticated");
    public static readonly FieldPath SessionCreationDate = FieldPath.Of("aws.cloudtrail.user_identity.session_context.creation_date");
    public static readonly FieldPath SessionIssuerType = FieldPath.Of("aws.cloudtrail.user_identity.session_context.session_issuer.type");
    public static readonly FieldPath SessionIssuerPrincipalId = FieldPath.Of("aws.cloudtrail.user_identity.session_context.session_issuer.principal_id");
    public static readonly FieldPath SessionIssuerArn = FieldPath.Of("aws.cloudtrail.user_identity.session_context.session_issuer.arn");
    public static readonly FieldPath SessionIssuerAccountId = FieldPath.Of("aws.cloudtrail.user_identity.session_context.session_issuer.account_id");

    public static readonly FieldPath ConsoleLoginMobileVersion = FieldPath.Of("aws.cloudtrail.console_login.additional_eventdata.mobile_version");
    public static readonly FieldPath ConsoleLoginLoginTo = FieldPath.Of("aws.cloudtrail.console_login.additional_eventdata.login_to");
    public static readonly FieldPath ConsoleLoginMfaUsed = FieldPath.Of("aws.cloudtrail.console_login.additional_eventdata.mfa_used");

    public static readonly FieldPath DigestLogFiles = FieldPath.Of("aws.cloudtrail.flattened.digest.log_files");
    public static readonly FieldPath DigestStartTime = FieldPath.Of("aws.cloudtrail.flattened.digest.start_time");
    public static readonly FieldPath DigestEndTime = FieldPath.Of("aws.cloudtrail.flattened.digest.end_time");
    public static readonly FieldPath DigestS3Bucket = FieldPath.Of("aws.cloudtrail.flattened.digest.s3_bucket");
    public static readonly FieldPath DigestNewestEventTime = FieldPath.Of("aws.cloudtrail.flattened.digest.newest_event_time");
    public static readonly FieldPath DigestOldestEventTime = FieldPath.Of("aws.cloudtrail.flattened.digest.oldest_event_time");
    public static readonly FieldPath DigestPreviousS3Bucket = FieldPath.Of("aws.cloudtrail.flattened.digest.previous_s3_bucket");
    public static readonly FieldPath DigestPreviousHashAlgorithm = FieldPath.Of("aws.cloudtrail.flattened.digest.previous_hash_algorithm");
    public static readonly FieldPath DigestPublicKeyFingerprint = FieldPath.Of("aws.cloudtrail.flattened.digest.public_key_fingerprint");
    public static readonly FieldPath DigestSignatureAlgorithm = FieldPath.Of("aws.cloudtrail.flattened.digest.signature_algorithm");

    public static readonly FieldPath UserAgentName = FieldPath.Of("user_agent.name");
    public static readonly FieldPath UserAgentVersion = FieldPath.Of("user_agent.version");
    public static readonly FieldPath UserAgentDeviceName = FieldPath.Of("user_agent.device.name");
    public static readonly FieldPath TlsVersion = FieldPath.Of("tls.version");
    public static readonly FieldPath TlsVersionProtocol = FieldPath.Of("tls.version_protocol");
    public static readonly FieldPath TlsCipher = FieldPath.Of("tls.cipher");
    public static readonly FieldPath TlsClientServerName = FieldPath.Of("tls.client.server_name");
}
