using System.Text;
using Logfold.Processing.Parse.CloudTrail;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Tests.Parse.CloudTrail;

public sealed class CloudTrailScoreTests
{
    private const double Threshold = 0.90;

    private static readonly CloudTrailSource Source = new();

    private static readonly LogNormalizer Normalizer = LogNormalizer.CreateDefault();

    internal const string ApiCall =
        "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE0000000001\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAEXAMPLE000000001\",\"userName\":\"alice\"},\"eventTime\":\"2026-03-10T08:00:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.23\",\"userAgent\":\"aws-cli/2.15.30\",\"requestParameters\":{\"userName\":\"bob\"},\"responseElements\":{\"user\":{\"userName\":\"bob\",\"userId\":\"AIDAEXAMPLEBOB000001\"}},\"eventID\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";

    public static TheoryData<string> CloudTrailLines() => new()
    {
        ApiCall,
        "  " + ApiCall + "\r",
        "\uFEFF" + ApiCall,

        // Key order as some shippers re-serialize it (eventVersion last).
        "{\"requestParameters\":null,\"userAgent\":\"console.ec2.amazonaws.com\",\"awsRegion\":\"us-east-1\",\"eventType\":\"AwsApiCall\",\"eventName\":\"DescribeVpcs\",\"sourceIPAddress\":\"192.0.2.1\",\"eventSource\":\"ec2.amazonaws.com\",\"eventVersion\":\"1.05\"}",

        // Pretty-ish spacing.
        "{ \"eventVersion\" : \"1.08\", \"eventSource\" : \"s3.amazonaws.com\", \"eventName\" : \"GetObject\" }",

        // Insights event: no eventSource/eventName at the top level.
        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T16:00:00Z\",\"awsRegion\":\"us-east-1\",\"eventID\":\"x\",\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"111122223333\",\"insightDetails\":{\"state\":\"Start\"},\"eventCategory\":\"Insight\"}",

        // Digest file.
        "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-10T15:00:00Z\",\"digestEndTime\":\"2026-03-10T16:00:00Z\",\"digestS3Bucket\":\"b\",\"digestS3Object\":\"AWSLogs/x.json.gz\"}",

        // The S3 log-file container.
        "{\"Records\":[" + ApiCall + "]}",
        "{ \"Records\" : [ ] }",

        // A record whose eventVersion a shipper dropped.
        "{\"eventTime\":\"2026-03-10T08:00:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"192.0.2.1\"}",
    };

    public static TheoryData<string> OtherLines() => new()
    {
        // Other JSON sources, including other AWS services.
        "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\",\"auditID\":\"f47c68f2\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/nodes\",\"verb\":\"create\",\"user\":{\"username\":\"system:node:ip-10-0-0-1\",\"extra\":{\"arn\":[\"arn:aws:sts::111122223333:assumed-role/NodeRole/i-1\"]}},\"sourceIPs\":[\"192.0.2.7\"]}",
        "{\"AwsAccountId\":\"111122223333\",\"CompanyName\":\"AWS\",\"CreatedAt\":\"2026-03-10T08:00:00Z\",\"Description\":\"This AWS control checks whether AWS Config is enabled.\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/securityhub\",\"Region\":\"us-east-1\",\"Severity\":{\"Label\":\"MEDIUM\"}}",
        "{\"timestamp\":1773129600000,\"formatVersion\":1,\"webaclId\":\"arn:aws:wafv2:us-east-1:111122223333:regional/webacl/x\",\"terminatingRuleId\":\"Default_Action\",\"action\":\"ALLOW\",\"httpSourceName\":\"ALB\",\"httpRequest\":{\"clientIp\":\"192.0.2.1\",\"country\":\"US\",\"uri\":\"/\",\"httpMethod\":\"GET\"}}",
        "{\"severity\":\"INFO\",\"eventType\":\"user.session.start\",\"displayMessage\":\"User login to Okta\",\"actor\":{\"alternateId\":\"alice@example.com\"},\"outcome\":{\"result\":\"SUCCESS\"},\"published\":\"2026-03-10T08:00:00.000Z\"}",
        "{\"CreationTime\":\"2026-03-10T08:00:00\",\"Id\":\"x\",\"Operation\":\"UserLoggedIn\",\"OrganizationId\":\"o\",\"RecordType\":15,\"ResultStatus\":\"Succeeded\",\"UserKey\":\"k\",\"Workload\":\"AzureActiveDirectory\",\"ClientIP\":\"192.0.2.1\",\"UserId\":\"alice@example.com\"}",
        "{\"time\":\"2026-03-10T08:00:00Z\",\"resourceId\":\"/tenants/x/providers/Microsoft.aadiam\",\"operationName\":\"Add user\",\"category\":\"AuditLogs\",\"resultType\":\"Success\",\"properties\":{\"activityDisplayName\":\"Add user\"}}",
        "{\"__REALTIME_TIMESTAMP\":\"1773100800000000\",\"_HOSTNAME\":\"web-01\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"_PID\":\"1234\",\"PRIORITY\":\"6\",\"MESSAGE\":\"Accepted publickey for alice from 10.0.0.5 port 50000 ssh2\"}",
        "{\"@timestamp\":\"2026-03-10T08:00:00.000Z\",\"winlog\":{\"event_id\":4624,\"provider_name\":\"Microsoft-Windows-Security-Auditing\",\"channel\":\"Security\",\"event_data\":{\"TargetUserName\":\"alice\"}},\"event\":{\"code\":\"4624\"}}",
        "{\"EventTime\":\"2026-03-10 00:00:00\",\"Hostname\":\"ws-042.corp.example.com\",\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\"}",
        "{\"records\":[{\"time\":\"2026-03-10T08:00:00Z\",\"operationName\":\"x\"}]}",

        // Text formats.
        "<86>Mar 10 00:00:00 ci-runner-01 sshd[21660]: Failed password for invalid user git from 203.0.113.141 port 41841 ssh2",
        "<14>Mar 10 00:00:00 PA-5220 1,2026/03/10 00:00:00,013201001234,TRAFFIC,end,2561,2026/03/10 00:00:00,10.0.0.1,192.0.2.235",
        "CEF:0|Palo Alto Networks|PAN-OS|10.2.0|end|TRAFFIC|1|rt=Mar 10 2026 00:00:00 GMT src=10.0.0.1",
        "192.0.2.1 - - [10/Mar/2026:00:00:00 +0000] \"GET /eventName?eventSource=1 HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
        "<166>Mar 10 2026 00:00:00: %ASA-6-302013: Built outbound TCP connection 1 for outside:192.0.2.1/443",
        "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><EventID>4624</EventID></System></Event>",
        string.Empty,
        "{",
    };

    [Theory]
    [MemberData(nameof(CloudTrailLines))]
    public void Score_CloudTrailShapes_AboveThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) >= Threshold);
    }

    [Theory]
    [MemberData(nameof(OtherLines))]
    public void Score_OtherSources_BelowThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) < Threshold);
    }

    [Theory]
    [MemberData(nameof(OtherLines))]
    public void Detect_OtherSources_NotClaimedAsCloudTrail(string line)
    {
        var detection = Normalizer.Detect(Encoding.UTF8.GetBytes(line));

        Assert.NotEqual(SourceTypes.AwsCloudTrail, detection.SourceType);
    }

    [Theory]
    [MemberData(nameof(CloudTrailLines))]
    public void Detect_CloudTrailShapes_DetectedAsCloudTrail(string line)
    {
        var detection = Normalizer.Detect(Encoding.UTF8.GetBytes(line));

        Assert.Equal(SourceTypes.AwsCloudTrail, detection.SourceType);
    }

    [Fact]
    public void Score_OnlyEventNameAndSource_StaysBelowThreshold()
    {
        var score = Source.Score("{\"eventName\":\"x\",\"eventSource\":\"y\"}"u8);

        Assert.InRange(score, 0.01, Threshold - 0.01);
    }

    [Fact]
    public void Score_CloudTrailKeysInsideAString_OfAnotherJsonObjectWithoutVersion_BelowThreshold()
    {
        var score = Source.Score("{\"message\":\"eventName and eventSource were missing\",\"level\":\"warn\"}"u8);

        Assert.Equal(0, score);
    }
}
