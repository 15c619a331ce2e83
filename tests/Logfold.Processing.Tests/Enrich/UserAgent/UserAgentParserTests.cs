using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.UserAgent;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Enrich.UserAgent;

public sealed class UserAgentParserTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Chrome", "120.0.0.0", "Windows", "10", "Other")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        "Edge", "120.0.2210.91", "Windows", "10", "Other")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0",
        "Opera", "105.0.0.0", "Windows", "10", "Other")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Firefox", "121.0", "Mac OS X", "10.15", "Mac")]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
        "Firefox", "120.0", "Ubuntu", null, "Other")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Safari", "17.1", "Mac OS X", "10.15.7", "Mac")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1",
        "Mobile Safari", "17.1.2", "iOS", "17.1.2", "iPhone")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0.6045.169 Mobile/15E148 Safari/604.1",
        "Chrome Mobile iOS", "119.0.6045.169", "iOS", "16.6", "iPad")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36",
        "Chrome Mobile", "120.0.6099.43", "Android", "14", "Pixel 8")]
    [InlineData("Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) AppleWebkit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30",
        "Mobile Safari", "4.0", "Android", "4.0.3", "LG-L160L")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 15633.69.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.212 Safari/537.36",
        "Chrome", "119.0.6045.212", "Chrome OS", "15633.69.0", "Other")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", "IE", "11.0", "Windows", "7", "Other")]
    [InlineData("Opera/9.80 (Windows NT 6.1; U; en) Presto/2.10.289 Version/12.02", "Opera", "12.02", "Windows", "7", "Other")]
    [InlineData("aws-cli/2.13.0 Python/3.11.4 Linux/5.10.192-183.736.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/s3.ls",
        "aws-cli", "2.13.0", "Linux", "5.10.192-183.736.amzn2.x86_64", "Other")]
    [InlineData("[aws-cli/1.29.4 Python/3.9.16 Darwin/22.6.0 botocore/1.31.4]", "aws-cli", "1.29.4", "Darwin", "22.6.0", "Other")]
    [InlineData("aws-sdk-java/1.12.500 Linux/5.10.186 OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 vendor/Amazon.com_Inc. cfg/retry-mode/standard",
        "aws-sdk-java", "1.12.500", "Linux", "5.10.186", "Other")]
    [InlineData("Boto3/1.28.62 md/Botocore#1.31.62 ua/2.0 os/linux#5.15.0-1050-aws md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.62",
        "Boto3", "1.28.62", "Linux", "5.15.0-1050-aws", "Other")]
    [InlineData("aws-sdk-go-v2/1.21.0 os/macos#13.4 lang/go#1.21.0 md/GOOS#darwin md/GOARCH#arm64 api/sts#1.22.0",
        "aws-sdk-go-v2", "1.21.0", "macOS", "13.4", "Other")]
    [InlineData("APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/5.17.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.45.9 (go1.20.8; linux; amd64)",
        "Terraform", "1.5.7", "Linux", null, "Other")]
    [InlineData("console.amazonaws.com", "AWS Console", null, null, null, "Other")]
    [InlineData("cloudformation.amazonaws.com", "AWS Service", null, null, null, "Other")]
    [InlineData("AWS Internal", "AWS Internal", null, null, null, "Other")]
    [InlineData("curl/7.88.1", "curl", "7.88.1", null, null, "Other")]
    [InlineData("python-requests/2.31.0", "python-requests", "2.31.0", null, null, "Other")]
    [InlineData("Go-http-client/1.1", "Go-http-client", "1.1", null, null, "Other")]
    [InlineData("Wget/1.21.3 (linux-gnu)", "Wget", "1.21.3", "Linux", null, "Other")]
    public void Parse_KnownAgents_ReadsNameVersionOsAndDevice(string ua, string name, string? version, string? osName, string? osVersion, string device)
    {
        var info = UserAgentParser.Parse(ua);

        Assert.Equal(name, info.Name);
        Assert.Equal(version, info.Version);
        Assert.Equal(osName, info.OsName);
        Assert.Equal(osVersion, info.OsVersion);
        Assert.Equal(device, info.DeviceName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("just some words")]
    [InlineData("Mozilla/5.0 (compatible)")]
    public void Parse_Unrecognized_ReturnsUnknown(string ua)
    {
        Assert.Same(UserAgentInfo.Unknown, UserAgentParser.Parse(ua));
    }

    [Fact]
    public void Enrich_CloudTrailCli_ReplacesPartialFieldsAndSetsOsFull()
    {
        var enricher = new UserAgentEnricher("user_agent", new UserAgentSettings());
        var doc = new EcsDocument();
        doc.Set(Ecs.UserAgentOriginal, "aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0 exe/x86_64.amzn.2");
        doc.Set(UserAgentFields.Name, "aws-cli");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        Assert.Equal("aws-cli", doc.GetString(UserAgentFields.Name));
        Assert.Equal("2.13.0", doc.GetString(UserAgentFields.Version));
        Assert.Equal("Linux 5.10.0", doc.GetString(UserAgentFields.OsFull));
        Assert.Equal("Other", doc.GetString(UserAgentFields.DeviceName));
    }

    [Fact]
    public void Enrich_NoOriginal_Skipped_AndUnknown_Miss()
    {
        var enricher = new UserAgentEnricher("user_agent", new UserAgentSettings());
        var empty = new EcsDocument();
        var unknown = new EcsDocument();
        unknown.Set(Ecs.UserAgentOriginal, "???");

        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(empty));
        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(unknown));
        Assert.False(unknown.Has(UserAgentFields.Name));
    }

    [Fact]
    public void Enrich_ManyDistinctStrings_CacheStaysBounded()
    {
        var enricher = new UserAgentEnricher("user_agent", new UserAgentSettings { CacheSize = 50 });
        var doc = new EcsDocument();
        for (var i = 0; i < 500; i++)
        {
            doc.Reset();
            doc.Set(Ecs.UserAgentOriginal, $"tool{i}/1.{i}");
            Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
            Assert.Equal($"1.{i}", doc.GetString(UserAgentFields.Version));
        }

        Assert.True(enricher.CacheCount <= 50);
    }
}
