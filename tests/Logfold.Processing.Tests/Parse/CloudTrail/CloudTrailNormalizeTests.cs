using System.Text;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.CloudTrail;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.CloudTrail;

public sealed class CloudTrailNormalizeTests
{
    private static readonly CloudTrailSource Source = new();

    private static (ParseResult Result, EcsDocument Doc) Run(string json, NormalizeContext? context = null)
    {
        var doc = new EcsDocument();
        var result = Source.Normalize(Encoding.UTF8.GetBytes(json), context ?? GoldenFile.Context, doc);
        return (result, doc);
    }

    private static JsonObject Json(EcsDocument doc) => JsonNode.Parse(doc.ToJson())!.AsObject();

    private static string? Field(EcsDocument doc, string dotted)
    {
        JsonNode? node = Json(doc);
        foreach (var part in dotted.Split('.'))
        {
            node = node?[part];
        }

        return node switch
        {
            null => null,
            JsonValue v => v.ToString(),
            _ => node.ToJsonString(),
        };
    }

    [Fact]
    public void Normalize_ApiCall_MapsCoreEcsFields()
    {
        var (result, doc) = Run(CloudTrailScoreTests.ApiCall);

        Assert.True(result.Success, result.Message);
        Assert.Equal("2026-03-10T08:00:00.000Z", Field(doc, "@timestamp"));
        Assert.Equal("event", doc.GetString(Ecs.EventKind));
        Assert.Equal("CreateUser", doc.GetString(Ecs.EventAction));
        Assert.Equal("iam.amazonaws.com", doc.GetString(Ecs.EventProvider));
        Assert.Equal("success", doc.GetString(Ecs.EventOutcome));
        Assert.Equal("[\"iam\"]", Field(doc, "event.category"));
        Assert.Equal("[\"user\",\"creation\"]", Field(doc, "event.type"));
        Assert.Equal("alice", doc.GetString(Ecs.UserName));
        Assert.Equal("AIDAEXAMPLE0000000001", doc.GetString(Ecs.UserId));
        Assert.Equal("bob", doc.GetString(Ecs.UserTargetName));
        Assert.Equal("AIDAEXAMPLEBOB000001", doc.GetString(Ecs.UserTargetId));
        Assert.Equal("[\"alice\",\"bob\"]", Field(doc, "related.user"));
        Assert.Equal("198.51.100.23", doc.GetString(Ecs.SourceIp));
        Assert.Equal("198.51.100.23", doc.GetString(Ecs.SourceAddress));
        Assert.Equal("111122223333", doc.GetString(Ecs.CloudAccountId));
        Assert.Equal("us-east-1", doc.GetString(Ecs.CloudRegion));
        Assert.Equal("aws", doc.GetString(Ecs.CloudProvider));
        Assert.Equal("{userName=bob}", Field(doc, "aws.cloudtrail.request_parameters"));
        Assert.Equal("bob", Field(doc, "aws.cloudtrail.flattened.request_parameters.userName"));
    }

    [Theory]
    [InlineData(",\"errorCode\":\"AccessDenied\"", "failure")]
    [InlineData(",\"errorMessage\":\"Access Denied\"", "failure")]
    [InlineData(",\"errorCode\":\"\",\"errorMessage\":null", "success")]
    [InlineData("", "success")]
    public void Normalize_ErrorFields_DecideOutcome(string extra, string outcome)
    {
        var (result, doc) = Run("{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"" + extra + "}");

        Assert.True(result.Success, result.Message);
        Assert.Equal(outcome, doc.GetString(Ecs.EventOutcome));
        Assert.Equal(outcome == "failure", doc.Has(Ecs.ErrorCode) || doc.Has(Ecs.ErrorMessage));
    }

    [Theory]
    [InlineData("Success", null, "success")]
    [InlineData("Failure", "Failed authentication", "failure")]
    [InlineData("Failure", null, "failure")]
    public void Normalize_ConsoleLogin_OutcomeFromResponseElements(string login, string? error, string outcome)
    {
        var errorPart = error is null ? string.Empty : ",\"errorMessage\":\"" + error + "\"";
        var json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\"" + errorPart +
                   ",\"responseElements\":{\"ConsoleLogin\":\"" + login + "\"},\"additionalEventData\":{\"MobileVersion\":\"No\",\"MFAUsed\":\"Yes\",\"LoginTo\":\"https://console.aws.amazon.com/\"}}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        Assert.Equal(outcome, doc.GetString(Ecs.EventOutcome));
        Assert.Equal("[\"authentication\"]", Field(doc, "event.category"));
        Assert.Equal("false", Field(doc, "aws.cloudtrail.console_login.additional_eventdata.mobile_version"));
        Assert.Equal("true", Field(doc, "aws.cloudtrail.console_login.additional_eventdata.mfa_used"));
        Assert.Equal("https://console.aws.amazon.com/", Field(doc, "aws.cloudtrail.console_login.additional_eventdata.login_to"));
    }

    [Fact]
    public void Normalize_AssumedRole_UserNameFromSessionIssuerAndNotRelated()
    {
        var json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:dave\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/developer/dave\",\"accountId\":\"111122223333\"," +
                   "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:role/developer\",\"accountId\":\"111122223333\",\"userName\":\"developer\"}," +
                   "\"webIdFederationData\":{},\"attributes\":{\"creationDate\":\"2026-03-10T08:00:00Z\",\"mfaAuthenticated\":\"true\"}}},\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\"}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        Assert.Equal("developer", doc.GetString(Ecs.UserName));
        Assert.Equal("AROAEXAMPLE:dave", doc.GetString(Ecs.UserId));
        Assert.False(doc.Has(Ecs.RelatedUser));
        Assert.Equal("Role", Field(doc, "aws.cloudtrail.user_identity.session_context.session_issuer.type"));
        Assert.Equal("true", Field(doc, "aws.cloudtrail.user_identity.session_context.mfa_authenticated"));
        Assert.Equal("2026-03-10T08:00:00.000Z", Field(doc, "aws.cloudtrail.user_identity.session_context.creation_date"));
        Assert.Equal("[\"info\"]", Field(doc, "event.type"));
        Assert.False(doc.Has(Ecs.EventCategory));
    }

    [Fact]
    public void Normalize_IamUserWithSessionIssuer_KeepsIdentityUserName()
    {
        var json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\",\"sessionContext\":{\"sessionIssuer\":{\"userName\":\"other\"}}},\"eventName\":\"GetUser\"}";

        var (_, doc) = Run(json);

        Assert.Equal("alice", doc.GetString(Ecs.UserName));
    }

    [Fact]
    public void Normalize_MinimalRecord_SucceedsWithDefaults()
    {
        var (result, doc) = Run("{\"eventVersion\":\"1.0\"}");

        Assert.True(result.Success, result.Message);
        Assert.Equal("event", doc.GetString(Ecs.EventKind));
        Assert.Equal("success", doc.GetString(Ecs.EventOutcome));
        Assert.Equal("[\"info\"]", Field(doc, "event.type"));
        Assert.False(doc.Has(Ecs.Timestamp));
    }

    [Fact]
    public void Normalize_NullAndEmptyValues_AreDropped()
    {
        var json = "{\"eventVersion\":\"1.08\",\"eventName\":\"PutObject\",\"userIdentity\":{\"accessKeyId\":\"\",\"userName\":null},\"userAgent\":\"\",\"requestParameters\":{\"a\":\"\",\"b\":null,\"c\":{},\"d\":[],\"e\":{\"f\":null}},\"responseElements\":null}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        var output = Json(doc);
        Assert.Null(output["aws"]!["cloudtrail"]!["request_parameters"]);
        Assert.Null(output["aws"]!["cloudtrail"]!["flattened"]);
        Assert.Null(output["aws"]!["cloudtrail"]!["user_identity"]);
        Assert.Null(output["user_agent"]);
        Assert.Null(output["user"]);
    }

    [Fact]
    public void Normalize_EscapedStrings_AreUnescapedAndStayValidJson()
    {
        var json = "{\"eventVersion\":\"1.08\",\"eventName\":\"Put\\u004fbject\",\"userIdentity\":{\"userName\":\"jos\\u00e9 \\\"j\\\"\"},\"requestParameters\":{\"k\\ney\":\"line1\\nline2 \\\\ \\/\",\"n\\u0061me\":\"x\"}}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        Assert.Equal("PutObject", doc.GetString(Ecs.EventAction));
        Assert.Equal("jos\u00e9 \"j\"", doc.GetString(Ecs.UserName));
        var flattened = Json(doc)["aws"]!["cloudtrail"]!["flattened"]!["request_parameters"]!;
        Assert.Equal("line1\nline2 \\ /", flattened["k\ney"]!.GetValue<string>());
        Assert.Equal("x", flattened["name"]!.GetValue<string>());
        Assert.Contains("name=x", Field(doc, "aws.cloudtrail.request_parameters"), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_RequestParameters_PrintedInJavaHashMapOrder()
    {
        // Elastic's string field is Java's HashMap.toString(): the order is the hash-bucket order, not the input order.
        var (_, doc) = Run("{\"eventVersion\":\"1.05\",\"eventName\":\"UpdateGroup\",\"requestParameters\":{\"newGroupName\":\"NEW\",\"groupName\":\"OLD\"}}");

        Assert.Equal("{groupName=OLD, newGroupName=NEW}", Field(doc, "aws.cloudtrail.request_parameters"));
        Assert.Equal("OLD", doc.GetString(Ecs.GroupName));
    }

    [Theory]
    [InlineData("hello", 99162322)]
    [InlineData("", 0)]
    [InlineData("userName", -266666762)]
    public void JavaHash_MatchesJavaStringHashCode(string value, int expected)
    {
        Assert.Equal(expected, JsonTree.JavaHash(value));
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(123456.75, "123456.75")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(-2.5e-5, "-2.5E-5")]
    [InlineData(1e21, "1.0E21")]
    public void JavaDouble_MatchesJavaDoubleToString(double value, string expected)
    {
        Assert.Equal(expected, JsonTree.JavaDouble(value));
    }

    [Fact]
    public void Normalize_NumbersInRequestParameters_KeepTheirType()
    {
        var (_, doc) = Run("{\"eventVersion\":\"1.05\",\"eventName\":\"X\",\"requestParameters\":{\"n\":12,\"d\":2.0,\"b\":true}}");

        var flattened = Json(doc)["aws"]!["cloudtrail"]!["flattened"]!["request_parameters"]!;
        Assert.Equal(12, flattened["n"]!.GetValue<int>());
        Assert.Equal(2.0, flattened["d"]!.GetValue<double>());
        Assert.True(flattened["b"]!.GetValue<bool>());
        var text = Field(doc, "aws.cloudtrail.request_parameters")!;
        Assert.Contains("n=12", text, StringComparison.Ordinal);
        Assert.Contains("d=2.0", text, StringComparison.Ordinal);
        Assert.Contains("b=true", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS Internal", false)]
    [InlineData("ec2.amazonaws.com", false)]
    [InlineData("10.0.0.1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("1.2.3", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3.4.5", false)]
    public void Normalize_SourceIpAddress_IpOnlyWhenItIsAnAddress(string address, bool isIp)
    {
        var (_, doc) = Run("{\"eventVersion\":\"1.08\",\"eventName\":\"X\",\"sourceIPAddress\":\"" + address + "\"}");

        Assert.Equal(address, doc.GetString(Ecs.SourceAddress));
        Assert.Equal(isIp ? address : null, doc.GetString(Ecs.SourceIp));
        Assert.Equal(isIp, doc.Has(Ecs.RelatedIp));
    }

    [Fact]
    public void Normalize_TimeWithoutZone_ReadInDefaultTimeZone()
    {
        var context = new NormalizeContext { DefaultTimeZone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2") };

        var (_, zoneless) = Run("{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T08:00:00\"}", context);
        var (_, utc) = Run("{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T08:00:00Z\"}", context);

        Assert.Equal("2026-03-10T06:00:00.000Z", Field(zoneless, "@timestamp"));
        Assert.Equal("2026-03-10T08:00:00.000Z", Field(utc, "@timestamp"));
    }

    [Fact]
    public void Normalize_UnparsableTime_LeavesTimestampUnset()
    {
        var (result, doc) = Run("{\"eventVersion\":\"1.08\",\"eventTime\":\"yesterday\",\"eventName\":\"X\"}");

        Assert.True(result.Success);
        Assert.False(doc.Has(Ecs.Timestamp));
    }

    [Theory]
    [InlineData("[1,2,3]", "invalid_json")]
    [InlineData("eventVersion=1.08", "invalid_json")]
    [InlineData("{\"eventVersion\":\"1.08\",,}", "invalid_json")]
    [InlineData("{\"eventVersion\":\"1.08\"} {}", "invalid_json")]
    [InlineData("{\"eventVersion\":\"1.08\",\"eventName\":\"Get", "truncated")]
    [InlineData("{\"eventVersion\":\"1.08\",\"requestParameters\":{\"a\":[1,", "truncated")]
    [InlineData("{\"hello\":\"world\"}", "not_cloudtrail")]
    [InlineData("{\"Records\":[]}", "empty_records")]
    public void Normalize_BadInput_FailsWithDataReason(string text, string reason)
    {
        var (result, _) = Run(text);

        Assert.False(result.Success);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(ErrorCategory.Data, result.Category);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Normalize_EveryPrefixOfARecord_NeverThrows()
    {
        var bytes = Encoding.UTF8.GetBytes(CloudTrailScoreTests.ApiCall);
        var doc = new EcsDocument();
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            doc.Reset();
            var result = Source.Normalize(bytes.AsSpan(0, cut), GoldenFile.Context, doc);
            Assert.False(result.Success, $"prefix {cut} parsed");
            Assert.Contains(result.Reason, new[] { "truncated", "invalid_json" });
        }
    }

    [Fact]
    public void Normalize_DeeplyNestedParameters_FailsCleanly()
    {
        var json = "{\"eventVersion\":\"1.08\",\"requestParameters\":" + new string('[', 200) + new string(']', 200) + "}";

        var (result, _) = Run(json);

        Assert.False(result.Success);
        Assert.Equal("invalid_json", result.Reason);
    }

    [Fact]
    public void Normalize_ReusedDocument_DoesNotLeakFieldsBetweenEvents()
    {
        var normalizer = LogNormalizer.CreateDefault();
        var doc = new EcsDocument();

        normalizer.Process(Encoding.UTF8.GetBytes(CloudTrailScoreTests.ApiCall), GoldenFile.Context, doc, out _);
        normalizer.Process("{\"eventVersion\":\"1.08\",\"eventName\":\"GetObject\",\"eventSource\":\"s3.amazonaws.com\"}"u8, GoldenFile.Context, doc, out _);

        Assert.Equal("GetObject", doc.GetString(Ecs.EventAction));
        Assert.False(doc.Has(Ecs.UserName));
        Assert.False(doc.Has(Ecs.RelatedUser));
        Assert.False(doc.Has(Ecs.UserTargetName));
    }

    [Fact]
    public void Normalize_DigestFile_MapsFileAndHash()
    {
        var json = "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-10T15:00:00Z\",\"digestEndTime\":\"2026-03-10T16:00:00Z\",\"digestS3Bucket\":\"b\",\"digestS3Object\":\"AWSLogs/d.json.gz\"," +
                   "\"previousDigestHashAlgorithm\":\"SHA-256\",\"previousDigestSignature\":\"abc123\",\"logFiles\":[{\"s3Object\":\"AWSLogs/l.json.gz\"}]}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        Assert.Equal("2026-03-10T16:00:00.000Z", Field(doc, "@timestamp"));
        Assert.Equal("111122223333", doc.GetString(Ecs.CloudAccountId));
        Assert.Equal("AWSLogs/d.json.gz", doc.GetString(Ecs.FilePath));
        Assert.Equal("abc123", doc.GetString(Ecs.FileHashSha256));
        Assert.Equal("[{\"s3Object\":\"AWSLogs/l.json.gz\"}]", Field(doc, "aws.cloudtrail.flattened.digest.log_files"));
    }

    [Fact]
    public void Normalize_Resources_RenamedAndDeduplicated()
    {
        var resource = "{\"accountId\":\"111122223333\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:us-east-1:111122223333:key/k\"}";
        var (_, doc) = Run("{\"eventVersion\":\"1.08\",\"eventName\":\"Decrypt\",\"resources\":[" + resource + "," + resource + "]}");

        Assert.Equal("[{\"arn\":\"arn:aws:kms:us-east-1:111122223333:key/k\",\"account_id\":\"111122223333\",\"type\":\"AWS::KMS::Key\"}]", Field(doc, "aws.cloudtrail.resources"));
    }

    [Fact]
    public void Normalize_EventBridgeEnvelope_MapsTheDetailRecord()
    {
        var json = "{\"version\":\"0\",\"id\":\"6f87d04b-9f74-4f04-a780-7acf4b0a9b38\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.iam\",\"account\":\"111122223333\"," +
                   "\"time\":\"2026-03-10T08:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + CloudTrailScoreTests.ApiCall + "}";

        var (result, doc) = Run(json);

        Assert.True(result.Success, result.Message);
        Assert.Equal("CreateUser", doc.GetString(Ecs.EventAction));
        Assert.Equal("alice", doc.GetString(Ecs.UserName));
        Assert.Equal("2026-03-10T08:00:00.000Z", Field(doc, "@timestamp"));
    }

    [Theory]
    [InlineData("aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79 exe/x86_64", "aws-cli", "2.15.30", null)]
    [InlineData("[aws-cli/1.11.10 Python/2.7.8 Linux/3.2.45 botocore/1.4.67]", "aws-cli", "1.11.10", null)]
    [InlineData("Boto3/1.34.69 md/Botocore#1.34.69", "Boto3", "1.34.69", null)]
    [InlineData("aws-sdk-go-v2/1.25.0 os/linux", "aws-sdk-go-v2", "1.25.0", null)]
    [InlineData("signin.amazonaws.com", "Other", null, "Other")]
    [InlineData("AWS Internal", "Other", null, "Other")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0", null, null, null)]
    public void Normalize_UserAgent_NameAndVersionForAwsTools(string ua, string? name, string? version, string? device)
    {
        var (_, doc) = Run("{\"eventVersion\":\"1.08\",\"eventName\":\"X\",\"userAgent\":\"" + ua + "\"}");

        Assert.Equal(ua, doc.GetString(Ecs.UserAgentOriginal));
        Assert.Equal(name, Field(doc, "user_agent.name"));
        Assert.Equal(version, Field(doc, "user_agent.version"));
        Assert.Equal(device, Field(doc, "user_agent.device.name"));
    }
}
