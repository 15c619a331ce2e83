using System.Runtime.InteropServices;
using System.Text;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.CloudTrail;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.CloudTrail;

public sealed class CloudTrailExpandTests
{
    private static readonly CloudTrailSource Source = new();

    private const string First = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T15:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.23\"}";

    private const string Second = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T15:00:01Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"awsRegion\":\"us-east-1\",\"requestParameters\":{\"note\":\"a ] and a } inside a string\"}}";

    [Fact]
    public void TryExpand_RecordsContainer_AddsOneSlicePerRecordIntoTheOriginalBuffer()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"Records\":[" + First + ", " + Second + "]}");
        var parts = new List<ReadOnlyMemory<byte>>();

        Assert.True(Source.TryExpand(bytes, parts));

        Assert.Equal(2, parts.Count);
        Assert.Equal(First, Encoding.UTF8.GetString(parts[0].Span));
        Assert.Equal(Second, Encoding.UTF8.GetString(parts[1].Span));
        foreach (var part in parts)
        {
            Assert.True(MemoryMarshal.TryGetArray(part, out var segment));
            Assert.Same(bytes, segment.Array);
        }

        Assert.Equal(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Second)), MemoryMarshal.TryGetArray(parts[1], out var s) ? s.Offset : -1);
    }

    [Fact]
    public void TryExpand_PrettyPrintedContainerWithOtherKeys_ExpandsRecords()
    {
        var text = "{\n  \"Comment\": \"exported\",\n  \"Records\" : [\n    " + First + "\n  ]\n}\n";
        var parts = new List<ReadOnlyMemory<byte>>();

        Assert.True(Source.TryExpand(Encoding.UTF8.GetBytes(text), parts));

        Assert.Equal(First, Encoding.UTF8.GetString(Assert.Single(parts).Span));
    }

    [Fact]
    public void TryExpand_SingleRecord_ReturnsFalseAndAddsNothing()
    {
        var parts = new List<ReadOnlyMemory<byte>>();

        Assert.False(Source.TryExpand(Encoding.UTF8.GetBytes(First), parts));
        Assert.Empty(parts);
    }

    [Fact]
    public void TryExpand_RecordsKeyNestedInsideARecord_ReturnsFalse()
    {
        var nested = "{\"eventVersion\":\"1.08\",\"eventName\":\"PutObject\",\"requestParameters\":{\"Records\":[1,2]}}";
        var parts = new List<ReadOnlyMemory<byte>>();

        Assert.False(Source.TryExpand(Encoding.UTF8.GetBytes(nested), parts));
        Assert.Empty(parts);
    }

    [Theory]
    [InlineData("{\"Records\":[]}")]
    [InlineData("{\"Records\":{}}")]
    [InlineData("{\"Records\":null}")]
    [InlineData("{\"Records\":[" + First + "]} trailing")]
    [InlineData("{\"Records\":[" + First + ",{\"eventVersion\":\"1.0")]
    [InlineData("not json \"Records\"")]
    public void TryExpand_EmptyOrBrokenContainer_ReturnsFalseAndLeavesPartsUntouched(string text)
    {
        var existing = new ReadOnlyMemory<byte>([1, 2, 3]);
        var parts = new List<ReadOnlyMemory<byte>> { existing };

        Assert.False(Source.TryExpand(Encoding.UTF8.GetBytes(text), parts));

        Assert.Equal(existing, Assert.Single(parts));
    }

    [Fact]
    public void Process_RecordsContainer_EveryPartNormalizesAsCloudTrail()
    {
        var normalizer = LogNormalizer.CreateDefault();
        var bytes = Encoding.UTF8.GetBytes("{\"Records\":[" + First + "," + Second + "]}");
        var parts = new List<ReadOnlyMemory<byte>>();
        var doc = new EcsDocument();

        Assert.True(normalizer.TryExpand(bytes, parts));
        var actions = new List<string?>();
        foreach (var part in parts)
        {
            var result = normalizer.Process(part.Span, GoldenFile.Context, doc, out var detection);
            Assert.True(result.Success, result.Message);
            Assert.Equal(SourceTypes.AwsCloudTrail, detection.SourceType);
            actions.Add(doc.GetString(Ecs.EventAction));
        }

        Assert.Equal(["PutObject", "RunInstances"], actions);
    }

    [Theory]
    [InlineData("{\"Records\":[]}", "empty_records")]
    [InlineData("{\"Records\":[" + First + ",{\"eventVersion\":\"1.0", "truncated")]
    public void Process_ContainerThatCannotExpand_GoesToTheDlqWithAReason(string text, string reason)
    {
        var normalizer = LogNormalizer.CreateDefault();
        var bytes = Encoding.UTF8.GetBytes(text);
        var parts = new List<ReadOnlyMemory<byte>>();

        Assert.False(normalizer.TryExpand(bytes, parts));
        var result = normalizer.Process(bytes, GoldenFile.Context, new EcsDocument(), out var detection);

        Assert.Equal(SourceTypes.AwsCloudTrail, detection.SourceType);
        Assert.False(result.Success);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(ErrorCategory.Data, result.Category);
    }
}
