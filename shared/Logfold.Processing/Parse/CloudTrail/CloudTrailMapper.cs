using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// Maps one CloudTrail record (or Insights event, or digest file) to ECS in a single <see cref="Utf8JsonReader"/>
/// pass, following Elastic's <c>aws.cloudtrail</c> ingest pipeline. Nested free-form objects
/// (<c>requestParameters</c> and friends) are indexed by <see cref="JsonTree"/> and rendered from the input bytes.
/// </summary>
internal static class CloudTrailMapper
{
    private const int MaxNameChars = 40;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    [ThreadStatic]
    private static JsonTree? t_tree;

    /// <summary>What the single pass learned that later steps need.</summary>
    private struct Facts
    {
        public bool Recognised;
        public bool HasRecords;
        public bool HasError;
        public bool IsDigest;
        public string? EventName;
        public CloudTrailCategories.Row? Row;
        public string? UserName;
        public string? IssuerUserName;
        public string? AwsAccountId;
        public string? PreviousHashAlgorithm;
        public string? PreviousSignature;
        public DateTimeOffset? DigestEnd;
        public int RequestParameters;
        public int ResponseElements;
        public int AdditionalEventData;
        public int ServiceEventDetails;
        public int InsightDetails;
        public int Resources;
        public int LogFiles;
        public int DetailStart;
        public int DetailLength;
    }

    /// <summary>Trims JSON whitespace and a UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> TrimJson(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\uFEFF"u8))
        {
            raw = raw[3..];
        }

        var start = 0;
        while (start < raw.Length && IsWhitespace(raw[start]))
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && IsWhitespace(raw[end - 1]))
        {
            end--;
        }

        return raw[start..end];
    }

    /// <summary>JSON insignificant whitespace.</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>Parses and maps one record into <paramref name="doc"/>.</summary>
    public static ParseResult Map(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        var json = TrimJson(raw);
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return ParseResult.Fail("invalid_json", "A CloudTrail record is a JSON object, but the event does not start with '{'.");
        }

        var tree = t_tree ??= new JsonTree();
        tree.Clear();
        var facts = new Facts
        {
            RequestParameters = -1,
            ResponseElements = -1,
            AdditionalEventData = -1,
            ServiceEventDetails = -1,
            InsightDetails = -1,
            Resources = -1,
            LogFiles = -1,
            DetailStart = -1,
        };

        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(Options));
            JsonTree.Next(ref reader);
            ReadRecord(ref reader, tree, doc, ref facts, context);
            if (!TrimJson(json[(int)reader.BytesConsumed..]).IsEmpty)
            {
                return ParseResult.Fail("invalid_json", "There is data after the CloudTrail record's closing brace.");
            }
        }
        catch (JsonTree.TruncatedException)
        {
            return ParseResult.Fail("truncated", "The CloudTrail record ends before its JSON object is complete.");
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail("invalid_json", "The CloudTrail record is not valid JSON: " + ex.Message);
        }

        if (!facts.Recognised && facts.DetailStart >= 0)
        {
            // An EventBridge envelope ("detail-type": "AWS API Call via CloudTrail"): the record is its detail.
            doc.Reset();
            return Map(json.Slice(facts.DetailStart, facts.DetailLength), context, doc);
        }

        if (facts.HasRecords && !facts.Recognised)
        {
            return ParseResult.Fail("empty_records", "The CloudTrail Records container holds no records (or Records is not an array).");
        }

        if (!facts.Recognised)
        {
            return ParseResult.Fail("not_cloudtrail", "The JSON object has none of the CloudTrail record fields (eventVersion, eventTime, eventSource, eventName) nor a digest file's.");
        }

        Finish(json, tree, doc, ref facts);
        return ParseResult.Ok;
    }

    private static void ReadRecord(ref Utf8JsonReader reader, JsonTree tree, EcsDocument doc, ref Facts facts, NormalizeContext context)
    {
        var buffer = tree.NameBuffer;
        while (true)
        {
            JsonTree.Next(ref reader);
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return;
            }

            var name = NameChars(ref reader, buffer);
            JsonTree.Next(ref reader);
            switch (name)
            {
                case "eventVersion":
                    facts.Recognised = true;
                    doc.Set(CloudTrailFields.EventVersion, StringCache.Get(ref reader));
                    break;
                case "userIdentity":
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadUserIdentity(ref reader, doc, ref facts, context, buffer);
                    }
                    else
                    {
                        JsonTree.SkipValue(ref reader);
                    }

                    break;
                case "eventTime":
                    facts.Recognised = true;
                    SetTime(ref reader, Ecs.Timestamp, doc, context);
                    break;
                case "eventSource":
                    facts.Recognised = true;
                    doc.Set(Ecs.EventProvider, StringCache.Get(ref reader));
                    break;
                case "eventName":
                    facts.Recognised = true;
                    ReadEventName(ref reader, ref facts);
                    doc.Set(Ecs.EventAction, facts.EventName);
                    break;
                case "eventCategory":
                    doc.Set(CloudTrailFields.EventCategory, StringCache.Get(ref reader));
                    break;
                case "awsRegion":
                    doc.Set(Ecs.CloudRegion, StringCache.Get(ref reader));
                    break;
                case "sourceIPAddress":
                    SetSourceAddress(ref reader, doc);
                    break;
                case "userAgent":
                    SetUserAgent(StringCache.Get(ref reader), doc);
                    break;
                case "errorCode":
                {
                    var code = StringCache.Get(ref reader);
                    facts.HasError |= code is not null;
                    doc.Set(CloudTrailFields.ErrorCode, code);
                    doc.Set(Ecs.ErrorCode, code);
                    break;
                }

                case "errorMessage":
                {
                    var message = StringCache.Get(ref reader);
                    facts.HasError |= message is not null;
                    doc.Set(CloudTrailFields.ErrorMessage, message);
                    doc.Set(Ecs.ErrorMessage, message);
                    break;
                }

                case "requestParameters":
                    facts.RequestParameters = tree.Capture(ref reader);
                    break;
                case "responseElements":
                    facts.ResponseElements = tree.Capture(ref reader);
                    break;
                case "additionalEventData":
                    facts.AdditionalEventData = tree.Capture(ref reader);
                    break;
                case "serviceEventDetails":
                    facts.ServiceEventDetails = tree.Capture(ref reader);
                    break;
                case "insightDetails":
                    facts.InsightDetails = tree.Capture(ref reader);
                    break;
                case "resources":
                    facts.Resources = tree.Capture(ref reader);
                    break;
                case "logFiles":
                    facts.LogFiles = tree.Capture(ref reader);
                    break;
                case "requestID":
                    doc.Set(CloudTrailFields.RequestId, StringCache.Get(ref reader));
                    break;
                case "eventID":
                    doc.Set(Ecs.EventId, StringCache.Get(ref reader));
                    break;
                case "eventType":
                    doc.Set(CloudTrailFields.EventType, StringCache.Get(ref reader));
                    break;
                case "apiVersion":
                    doc.Set(CloudTrailFields.ApiVersion, StringCache.Get(ref reader));
                    break;
                case "managementEvent":
                    SetBool(ref reader, CloudTrailFields.ManagementEvent, doc);
                    break;
                case "readOnly":
                    SetBool(ref reader, CloudTrailFields.ReadOnly, doc);
                    break;
                case "recipientAccountId":
                    doc.Set(CloudTrailFields.RecipientAccountId, StringCache.Get(ref reader));
                    break;
                case "sharedEventID":
                case "sharedEventId":
                    doc.Set(CloudTrailFields.SharedEventId, StringCache.Get(ref reader));
                    break;
                case "vpcEndpointId":
                    doc.Set(CloudTrailFields.VpcEndpointId, StringCache.Get(ref reader));
                    break;
                case "tlsDetails":
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadTls(ref reader, doc, buffer);
                    }
                    else
                    {
                        JsonTree.SkipValue(ref reader);
                    }

                    break;
                case "awsAccountId":
                    facts.IsDigest = true;
                    facts.AwsAccountId = StringCache.Get(ref reader);
                    break;
                case "digestStartTime":
                    facts.Recognised = facts.IsDigest = true;
                    SetTime(ref reader, CloudTrailFields.DigestStartTime, doc, context);
                    break;
                case "digestEndTime":
                    facts.Recognised = facts.IsDigest = true;
                    facts.DigestEnd = SetTime(ref reader, CloudTrailFields.DigestEndTime, doc, context);
                    break;
                case "digestS3Bucket":
                    facts.Recognised = facts.IsDigest = true;
                    doc.Set(CloudTrailFields.DigestS3Bucket, StringCache.Get(ref reader));
                    break;
                case "digestS3Object":
                    facts.Recognised = facts.IsDigest = true;
                    doc.Set(Ecs.FilePath, StringCache.Get(ref reader));
                    break;
                case "digestPublicKeyFingerprint":
                    doc.Set(CloudTrailFields.DigestPublicKeyFingerprint, StringCache.Get(ref reader));
                    break;
                case "digestSignatureAlgorithm":
                    doc.Set(CloudTrailFields.DigestSignatureAlgorithm, StringCache.Get(ref reader));
                    break;
                case "newestEventTime":
                    SetTime(ref reader, CloudTrailFields.DigestNewestEventTime, doc, context);
                    break;
                case "oldestEventTime":
                    SetTime(ref reader, CloudTrailFields.DigestOldestEventTime, doc, context);
                    break;
                case "previousDigestS3Bucket":
                    doc.Set(CloudTrailFields.DigestPreviousS3Bucket, StringCache.Get(ref reader));
                    break;
                case "previousDigestHashAlgorithm":
                    facts.PreviousHashAlgorithm = StringCache.Get(ref reader);
                    doc.Set(CloudTrailFields.DigestPreviousHashAlgorithm, facts.PreviousHashAlgorithm);
                    break;
                case "previousDigestSignature":
                    facts.PreviousSignature = StringCache.Get(ref reader);
                    break;
                case "detail":
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        facts.DetailStart = (int)reader.TokenStartIndex;
                        JsonTree.SkipValue(ref reader);
                        facts.DetailLength = (int)reader.BytesConsumed - facts.DetailStart;
                    }
                    else
                    {
                        JsonTree.SkipValue(ref reader);
                    }

                    break;
                case "Records":
                    facts.HasRecords = true;
                    JsonTree.SkipValue(ref reader);
                    break;
                default:
                    JsonTree.SkipValue(ref reader);
                    break;
            }
        }
    }

    private static void ReadUserIdentity(ref Utf8JsonReader reader, EcsDocument doc, ref Facts facts, NormalizeContext context, char[] buffer)
    {
        while (true)
        {
            JsonTree.Next(ref reader);
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            var name = NameChars(ref reader, buffer);
            JsonTree.Next(ref reader);
            switch (name)
            {
                case "type":
                    doc.Set(CloudTrailFields.UserIdentityType, StringCache.Get(ref reader));
                    break;
                case "principalId":
                    doc.Set(Ecs.UserId, StringCache.Get(ref reader));
                    break;
                case "arn":
                    doc.Set(CloudTrailFields.UserIdentityArn, StringCache.Get(ref reader));
                    break;
                case "accountId":
                    doc.Set(Ecs.CloudAccountId, StringCache.Get(ref reader));
                    break;
                case "accessKeyId":
                    doc.Set(CloudTrailFields.UserIdentityAccessKeyId, StringCache.Get(ref reader));
                    break;
                case "userName":
                    facts.UserName = StringCache.Get(ref reader);
                    break;
                case "invokedBy":
                    doc.Set(CloudTrailFields.UserIdentityInvokedBy, StringCache.Get(ref reader));
                    break;
                case "sessionContext":
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadSessionContext(ref reader, doc, ref facts, context, buffer);
                    }
                    else
                    {
                        JsonTree.SkipValue(ref reader);
                    }

                    break;
                default:
                    JsonTree.SkipValue(ref reader);
                    break;
            }
        }

        // Elastic renames userIdentity.userName to user.name, then sessionIssuer.userName only when that is free.
        doc.Set(Ecs.UserName, facts.UserName ?? facts.IssuerUserName);
        doc.Add(Ecs.RelatedUser, facts.UserName);
    }

    private static void ReadSessionContext(ref Utf8JsonReader reader, EcsDocument doc, ref Facts facts, NormalizeContext context, char[] buffer)
    {
        while (true)
        {
            JsonTree.Next(ref reader);
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            var name = NameChars(ref reader, buffer);
            JsonTree.Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                JsonTree.SkipValue(ref reader);
                continue;
            }

            switch (name)
            {
                case "attributes":
                    while (true)
                    {
                        JsonTree.Next(ref reader);
                        if (reader.TokenType != JsonTokenType.PropertyName)
                        {
                            break;
                        }

                        var attribute = NameChars(ref reader, buffer);
                        JsonTree.Next(ref reader);
                        if (attribute.SequenceEqual("mfaAuthenticated"))
                        {
                            doc.Set(CloudTrailFields.SessionMfaAuthenticated, StringCache.Get(ref reader));
                        }
                        else if (attribute.SequenceEqual("creationDate"))
                        {
                            SetTime(ref reader, CloudTrailFields.SessionCreationDate, doc, context);
                        }
                        else
                        {
                            JsonTree.SkipValue(ref reader);
                        }
                    }

                    break;
                case "sessionIssuer":
                    while (true)
                    {
                        JsonTree.Next(ref reader);
                        if (reader.TokenType != JsonTokenType.PropertyName)
                        {
                            break;
                        }

                        var field = NameChars(ref reader, buffer);
                        JsonTree.Next(ref reader);
                        switch (field)
                        {
                            case "type":
                                doc.Set(CloudTrailFields.SessionIssuerType, StringCache.Get(ref reader));
                                break;
                            case "userName":
                                facts.IssuerUserName = StringCache.Get(ref reader);
                                break;
                            case "principalId":
                                doc.Set(CloudTrailFields.SessionIssuerPrincipalId, StringCache.Get(ref reader));
                                break;
                            case "arn":
                                doc.Set(CloudTrailFields.SessionIssuerArn, StringCache.Get(ref reader));
                                break;
                            case "accountId":
                                doc.Set(CloudTrailFields.SessionIssuerAccountId, StringCache.Get(ref reader));
                                break;
                            default:
                                JsonTree.SkipValue(ref reader);
                                break;
                        }
                    }

                    break;
                default:
                    JsonTree.SkipValue(ref reader);
                    break;
            }
        }
    }

    private static void ReadTls(ref Utf8JsonReader reader, EcsDocument doc, char[] buffer)
    {
        while (true)
        {
            JsonTree.Next(ref reader);
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            var name = NameChars(ref reader, buffer);
            JsonTree.Next(ref reader);
            switch (name)
            {
                case "tlsVersion":
                    // "TLSv1.2" → tls.version_protocol "tls", tls.version "1.2".
                    var version = StringCache.Get(ref reader);
                    var v = version?.IndexOf('v', StringComparison.Ordinal) ?? -1;
                    if (version is not null && v > 0)
                    {
                        doc.Set(CloudTrailFields.TlsVersionProtocol, version[..v].ToLowerInvariant());
                        doc.Set(CloudTrailFields.TlsVersion, version[(v + 1)..]);
                    }

                    break;
                case "cipherSuite":
                    doc.Set(CloudTrailFields.TlsCipher, StringCache.Get(ref reader));
                    break;
                case "clientProvidedHostHeader":
                    doc.Set(CloudTrailFields.TlsClientServerName, StringCache.Get(ref reader));
                    break;
                default:
                    JsonTree.SkipValue(ref reader);
                    break;
            }
        }
    }

    private static void ReadEventName(ref Utf8JsonReader reader, ref Facts facts)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxNameChars)
        {
            Span<char> chars = stackalloc char[MaxNameChars];
            var span = reader.ValueSpan;
            var ascii = true;
            for (var i = 0; i < span.Length && ascii; i++)
            {
                ascii = span[i] < 0x80;
                chars[i] = (char)span[i];
            }

            if (ascii && CloudTrailCategories.Find(chars[..span.Length]) is { } row)
            {
                facts.Row = row;
                facts.EventName = row.Name;
                return;
            }
        }

        facts.EventName = StringCache.Get(ref reader);
        facts.Row = facts.EventName is null ? null : CloudTrailCategories.Find(facts.EventName);
    }

    private static void SetSourceAddress(ref Utf8JsonReader reader, EcsDocument doc)
    {
        var isIp = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && IsIp(reader.ValueSpan);
        var address = StringCache.Get(ref reader);
        doc.Set(Ecs.SourceAddress, address);
        if (isIp)
        {
            doc.Set(Ecs.SourceIp, address);
            doc.Add(Ecs.RelatedIp, address);
        }
    }

    // user_agent.original, plus name/version for the AWS tools that lead with "product/version" (aws-cli,
    // aws-sdk-*, Boto3) and ua-parser's "Other" for AWS service principals. Browser strings are left unparsed.
    private static void SetUserAgent(string? ua, EcsDocument doc)
    {
        if (ua is null)
        {
            return;
        }

        doc.Set(Ecs.UserAgentOriginal, ua);
        var text = ua.AsSpan().TrimStart('[');
        if (text.StartsWith("aws-cli/", StringComparison.Ordinal) || text.StartsWith("aws-sdk-", StringComparison.Ordinal) ||
            text.StartsWith("Boto3/", StringComparison.Ordinal))
        {
            var slash = text.IndexOf('/');
            if (slash <= 0)
            {
                return;
            }

            var version = text[(slash + 1)..];
            var end = version.IndexOfAny(' ', ']', ',');
            version = end >= 0 ? version[..end] : version;
            doc.Set(CloudTrailFields.UserAgentName, StringCache.TryGet(text[..slash], out var cached) ? cached : text[..slash].ToString());
            if (!version.IsEmpty)
            {
                doc.Set(CloudTrailFields.UserAgentVersion, version.ToString());
            }
        }
        else if (string.Equals(ua, "AWS Internal", StringComparison.Ordinal) || ua.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            doc.Set(CloudTrailFields.UserAgentName, "Other");
            doc.Set(CloudTrailFields.UserAgentDeviceName, "Other");
        }
    }

    private static DateTimeOffset? SetTime(ref Utf8JsonReader reader, FieldPath path, EcsDocument doc, NormalizeContext context)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped &&
            SyslogHeader.TryParseIso(reader.ValueSpan, context.DefaultTimeZone, out var ts, out _))
        {
            doc.Set(path, ts);
            return ts;
        }

        JsonTree.SkipValue(ref reader);
        return null;
    }

    private static void SetBool(ref Utf8JsonReader reader, FieldPath path, EcsDocument doc)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                doc.Set(path, true);
                break;
            case JsonTokenType.False:
                doc.Set(path, false);
                break;
            case JsonTokenType.String when reader.ValueTextEquals("true"u8):
                doc.Set(path, true);
                break;
            case JsonTokenType.String when reader.ValueTextEquals("false"u8):
                doc.Set(path, false);
                break;
            default:
                JsonTree.SkipValue(ref reader);
                break;
        }
    }

    private static void Finish(ReadOnlySpan<byte> json, JsonTree tree, EcsDocument doc, ref Facts facts)
    {
        doc.Set(Ecs.EventKind, "event");
        doc.Set(Ecs.EventModule, "aws");
        doc.Set(Ecs.EventDataset, "aws.cloudtrail");
        doc.Set(Ecs.CloudProvider, "aws");

        var rp = facts.RequestParameters;
        var re = facts.ResponseElements;
        Flatten(json, tree, rp, CloudTrailFields.RequestParameters, CloudTrailFields.FlatRequestParameters, doc);
        Flatten(json, tree, re, CloudTrailFields.ResponseElements, CloudTrailFields.FlatResponseElements, doc);
        Flatten(json, tree, facts.AdditionalEventData, CloudTrailFields.AdditionalEventData, CloudTrailFields.FlatAdditionalEventData, doc);
        Flatten(json, tree, facts.ServiceEventDetails, CloudTrailFields.ServiceEventDetails, CloudTrailFields.FlatServiceEventDetails, doc);
        if (tree.ToJson(json, facts.InsightDetails) is { } insight)
        {
            doc.SetRawJson(CloudTrailFields.FlatInsightDetails, insight);
        }

        if (tree.ToJson(json, facts.LogFiles) is { } logFiles)
        {
            doc.SetRawJson(CloudTrailFields.DigestLogFiles, logFiles);
        }

        if (facts.Resources >= 0 && ResourcesJson(json, tree, facts.Resources) is { } resources)
        {
            doc.SetRawJson(CloudTrailFields.Resources, resources);
        }

        // Users and groups named by the request (IAM calls).
        var targetUser = tree.GetString(json, tree.Child(json, rp, "userName"u8));
        var newUser = tree.GetString(json, tree.Child(json, rp, "newUserName"u8));
        doc.Add(Ecs.RelatedUser, targetUser);
        doc.Add(Ecs.RelatedUser, newUser);
        doc.Set(Ecs.GroupId, tree.GetString(json, tree.Child(json, tree.Child(json, re, "group"u8), "groupId"u8)));
        doc.Set(Ecs.UserTargetId, tree.GetString(json, tree.Child(json, tree.Child(json, re, "user"u8), "userId"u8)));
        doc.Set(Ecs.UserChangesName, newUser);
        doc.Set(Ecs.GroupName, tree.GetString(json, tree.Child(json, rp, "groupName"u8)));
        doc.Set(Ecs.UserTargetName, targetUser);

        // Categorization and outcome.
        if (facts.Row is { } row)
        {
            foreach (var c in row.Category)
            {
                doc.Add(Ecs.EventCategory, c);
            }

            foreach (var t in row.Type)
            {
                doc.Add(Ecs.EventType, t);
            }
        }
        else
        {
            doc.Add(Ecs.EventType, "info");
        }

        var outcome = facts.HasError ? "failure" : "success";
        if (string.Equals(facts.EventName, "ConsoleLogin", StringComparison.Ordinal))
        {
            var login = tree.GetString(json, tree.Child(json, re, "ConsoleLogin"u8));
            if (login is not null)
            {
                outcome = login switch
                {
                    "Success" => "success",
                    "Failure" => "failure",
                    _ => login.ToLowerInvariant(),
                };
            }

            ConsoleLoginDetails(json, tree, facts.AdditionalEventData, doc);
        }

        doc.Set(Ecs.EventOutcome, outcome);

        // Digest files.
        if (facts.IsDigest)
        {
            doc.SetIfAbsent(Ecs.CloudAccountId, facts.AwsAccountId);
            if (facts.PreviousSignature is not null && string.Equals(facts.PreviousHashAlgorithm, "SHA-256", StringComparison.Ordinal))
            {
                doc.Set(Ecs.FileHashSha256, facts.PreviousSignature);
                doc.Add(Ecs.RelatedHash, facts.PreviousSignature);
            }

            if (facts.DigestEnd is { } end)
            {
                doc.Set(Ecs.Timestamp, end);
            }
        }
    }

    private static void Flatten(ReadOnlySpan<byte> json, JsonTree tree, int node, FieldPath text, FieldPath flattened, EcsDocument doc)
    {
        if (node < 0 || tree[node].Empty)
        {
            return;
        }

        var javaText = tree.ToJavaString(json, node);
        doc.Set(text, javaText);
        if (javaText is not null && javaText.Length < JsonTree.MaxKeywordLength &&
            tree[node].Kind is JsonTree.NodeKind.Object or JsonTree.NodeKind.Array && tree.ToJson(json, node) is { } compact)
        {
            doc.SetRawJson(flattened, compact);
        }
    }

    private static void ConsoleLoginDetails(ReadOnlySpan<byte> json, JsonTree tree, int data, EcsDocument doc)
    {
        if (data < 0)
        {
            return;
        }

        if (tree.GetString(json, tree.Child(json, data, "MobileVersion"u8)) is { } mobile)
        {
            doc.Set(CloudTrailFields.ConsoleLoginMobileVersion, !string.Equals(mobile, "No", StringComparison.Ordinal));
        }

        doc.Set(CloudTrailFields.ConsoleLoginLoginTo, tree.GetString(json, tree.Child(json, data, "LoginTo"u8)));
        if (tree.GetString(json, tree.Child(json, data, "MFAUsed"u8)) is { } mfa)
        {
            doc.Set(CloudTrailFields.ConsoleLoginMfaUsed, !string.Equals(mfa, "No", StringComparison.Ordinal));
        }
    }

    // resources: [{ARN, accountId, type}] → [{arn, account_id, type}], duplicates dropped (as Elastic does).
    private static string? ResourcesJson(ReadOnlySpan<byte> json, JsonTree tree, int list)
    {
        if (tree[list].Kind != JsonTree.NodeKind.Array)
        {
            return null;
        }

        var sb = new StringBuilder(256);
        sb.Append('[');
        var first = true;
        for (var item = list + 1; item < tree[list].End; item = tree[item].End)
        {
            if (tree[item].Kind != JsonTree.NodeKind.Object || tree[item].Empty)
            {
                continue;
            }

            var arn = tree.GetString(json, tree.Child(json, item, "ARN"u8)) ?? tree.GetString(json, tree.Child(json, item, "arn"u8));
            var account = tree.GetString(json, tree.Child(json, item, "accountId"u8)) ?? tree.GetString(json, tree.Child(json, item, "account_id"u8));
            var type = tree.GetString(json, tree.Child(json, item, "type"u8));
            if (SeenBefore(json, tree, list, item, arn, account, type))
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append('{');
            var firstField = true;
            AppendField(sb, "arn", arn, ref firstField);
            AppendField(sb, "account_id", account, ref firstField);
            AppendField(sb, "type", type, ref firstField);
            sb.Append('}');
        }

        sb.Append(']');
        return first ? null : sb.ToString();
    }

    // Elastic keys resources by arn + account + type and keeps one of each; lists are short, so scan.
    private static bool SeenBefore(ReadOnlySpan<byte> json, JsonTree tree, int list, int item, string? arn, string? account, string? type)
    {
        for (var earlier = list + 1; earlier < item; earlier = tree[earlier].End)
        {
            if (tree[earlier].Kind == JsonTree.NodeKind.Object && !tree[earlier].Empty &&
                string.Equals(arn, tree.GetString(json, tree.Child(json, earlier, "ARN"u8)) ?? tree.GetString(json, tree.Child(json, earlier, "arn"u8)), StringComparison.Ordinal) &&
                string.Equals(account, tree.GetString(json, tree.Child(json, earlier, "accountId"u8)) ?? tree.GetString(json, tree.Child(json, earlier, "account_id"u8)), StringComparison.Ordinal) &&
                string.Equals(type, tree.GetString(json, tree.Child(json, earlier, "type"u8)), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendField(StringBuilder sb, string name, string? value, ref bool first)
    {
        if (value is null)
        {
            return;
        }

        if (!first)
        {
            sb.Append(',');
        }

        first = false;
        sb.Append('"').Append(name).Append("\":\"").Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
    }

    /// <summary>The property name the reader is on as characters; escaped or long names are decoded on the heap.</summary>
    private static ReadOnlySpan<char> NameChars(ref Utf8JsonReader reader, char[] buffer)
    {
        var span = reader.ValueSpan;
        if (!reader.ValueIsEscaped && span.Length <= buffer.Length)
        {
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (b >= 0x80)
                {
                    return reader.GetString();
                }

                buffer[i] = (char)b;
            }

            return buffer.AsSpan(0, span.Length);
        }

        return reader.GetString();
    }

    /// <summary>True for a dotted-quad IPv4 address or an IPv6 address (what Elastic's <c>%{IP}</c> grok accepts).</summary>
    internal static bool IsIp(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty || s.Length > 45)
        {
            return false;
        }

        if (s.IndexOf((byte)':') < 0)
        {
            var parts = 0;
            var digits = 0;
            var value = 0;
            foreach (var b in s)
            {
                if (b == (byte)'.')
                {
                    if (digits == 0)
                    {
                        return false;
                    }

                    parts++;
                    digits = 0;
                    value = 0;
                    continue;
                }

                if (b is < (byte)'0' or > (byte)'9' || ++digits > 3)
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
                if (value > 255)
                {
                    return false;
                }
            }

            return parts == 3 && digits > 0;
        }

        Span<char> chars = stackalloc char[45];
        for (var i = 0; i < s.Length; i++)
        {
            var b = s[i];
            if (!(b is (byte)':' or (byte)'.' or (byte)'%' || char.IsAsciiHexDigit((char)b)))
            {
                return false;
            }

            chars[i] = (char)b;
        }

        return IPAddress.TryParse(chars[..s.Length], out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }
}
