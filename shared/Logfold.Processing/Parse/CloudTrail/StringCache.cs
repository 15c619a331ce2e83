using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// Returns shared string instances for the small, closed sets of CloudTrail values (event sources, regions,
/// identity types, event types, categorized event names) so mapping them does not allocate.
/// </summary>
internal static class StringCache
{
    private const int MaxCachedLength = 48;

    private static readonly FrozenSet<string> Known = Build();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The reader's current string token, from the cache when it is a known value; null for "" and null.</summary>
    public static string? Get(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var span = reader.ValueSpan;
                if (span.Length == 0)
                {
                    return null;
                }

                if (!reader.ValueIsEscaped && span.Length <= MaxCachedLength && TryGet(span, out var cached))
                {
                    return cached;
                }

                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                JsonTree.SkipValue(ref reader);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Looks a value up without allocating.</summary>
    public static bool TryGet(ReadOnlySpan<char> chars, out string value)
    {
        if (ByChars.TryGetValue(chars, out var found))
        {
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Looks an ASCII value up without allocating.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        value = string.Empty;
        if (utf8.Length > MaxCachedLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxCachedLength];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80)
            {
                return false;
            }

            chars[i] = (char)utf8[i];
        }

        if (ByChars.TryGetValue(chars[..utf8.Length], out var found))
        {
            value = found;
            return true;
        }

        return false;
    }

    private static FrozenSet<string> Build()
    {
        string[] values =
        [
            // userIdentity.type
            "IAMUser", "AssumedRole", "Root", "AWSService", "AWSAccount", "FederatedUser", "Role", "SAMLUser",
            "WebIdentityUser", "IdentityCenterUser", "Directory", "Unknown",

            // eventType, eventCategory
            "AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsCloudTrailInsight", "AwsVpceEvent",
            "Management", "Data", "Insight", "NetworkActivity",

            // booleans as strings (mfaAuthenticated), ConsoleLogin outcomes
            "true", "false", "Success", "Failure", "Yes", "No",

            // eventSource
            "iam.amazonaws.com", "sts.amazonaws.com", "signin.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com",
            "cloudtrail.amazonaws.com", "kms.amazonaws.com", "lambda.amazonaws.com", "logs.amazonaws.com",
            "monitoring.amazonaws.com", "config.amazonaws.com", "guardduty.amazonaws.com", "organizations.amazonaws.com",
            "rds.amazonaws.com", "dynamodb.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com",
            "secretsmanager.amazonaws.com", "ssm.amazonaws.com", "elasticloadbalancing.amazonaws.com",
            "autoscaling.amazonaws.com", "cloudformation.amazonaws.com", "route53.amazonaws.com", "ecs.amazonaws.com",
            "eks.amazonaws.com", "ecr.amazonaws.com", "health.amazonaws.com", "access-analyzer.amazonaws.com",
            "sso.amazonaws.com", "securityhub.amazonaws.com", "athena.amazonaws.com", "glue.amazonaws.com",
            "events.amazonaws.com", "apigateway.amazonaws.com", "cloudfront.amazonaws.com", "console.amazonaws.com",
            "AWS Internal",

            // awsRegion
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
            "ap-south-1", "ap-south-2", "ap-east-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "me-south-1", "me-central-1",
            "af-south-1", "il-central-1", "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1",

            // frequent event names outside the categorization table
            "GetObject", "PutObject", "DeleteObject", "HeadObject", "ListObjects", "ListBuckets", "GetBucketAcl",
            "PutBucketPolicy", "GetBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl", "RunInstances",
            "TerminateInstances", "StartInstances", "StopInstances", "DescribeInstances", "CreateSecurityGroup",
            "AuthorizeSecurityGroupIngress", "GetCallerIdentity", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
            "GetSessionToken", "GetFederationToken", "CreateRole", "DeleteRole", "AttachRolePolicy", "DetachRolePolicy",
            "PutRolePolicy", "CreatePolicy", "CreateLoginProfile", "Decrypt", "Encrypt", "GenerateDataKey",
            "CreateTrail", "DeleteTrail", "UpdateTrail", "StartLogging", "StopLogging", "PutEventSelectors",
            "UploadSSHPublicKey", "CheckMfa", "SwitchRole", "ExitRole", "RenewRole", "GetSigninToken",

            // user_agent.name
            "aws-cli", "Boto3", "aws-sdk-java", "aws-sdk-go", "aws-sdk-go-v2", "aws-sdk-js", "aws-sdk-dotnet-coreclr",
            "aws-sdk-ruby3", "aws-sdk-php", "aws-sdk-rust", "aws-sdk-cpp", "Other",
        ];

        var set = new HashSet<string>(values, StringComparer.Ordinal);
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
