using System.Text.Json.Nodes;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Model;

public sealed class EcsDocumentTests
{
    [Fact]
    public void WriteTo_DottedFields_WritesNestedObjects()
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "10.0.0.1");
        doc.Set(Ecs.SourcePort, 443L);
        doc.Set(Ecs.SourceNatIp, "192.0.2.1");
        doc.Set(Ecs.EventAction, "allow");

        var json = JsonNode.Parse(doc.ToJson())!;

        Assert.Equal("10.0.0.1", (string?)json["source"]!["ip"]);
        Assert.Equal(443, (long)json["source"]!["port"]!);
        Assert.Equal("192.0.2.1", (string?)json["source"]!["nat"]!["ip"]);
        Assert.Equal("allow", (string?)json["event"]!["action"]);
    }

    [Fact]
    public void Reset_AfterSet_LeavesEmptyObject()
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.UserName, "alice");
        doc.Add(Ecs.RelatedUser, "alice");
        doc.Reset();

        Assert.Equal("{}", doc.ToJson());
        Assert.False(doc.Has(Ecs.UserName));
        Assert.Equal(0, doc.FieldCount);
    }

    [Fact]
    public void Add_DuplicateValues_KeepsEachOnce()
    {
        var doc = new EcsDocument();
        doc.Add(Ecs.RelatedIp, "10.0.0.1");
        doc.Add(Ecs.RelatedIp, "10.0.0.2");
        doc.Add(Ecs.RelatedIp, "10.0.0.1");
        doc.Add(Ecs.RelatedIp, null);

        Assert.Equal("{\"related\":{\"ip\":[\"10.0.0.1\",\"10.0.0.2\"]}}", doc.ToJson());
    }

    [Fact]
    public void Remove_LastChild_DropsEmptyParent()
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.UserTargetName, "bob");
        doc.Set(Ecs.HostName, "h1");
        doc.Remove(Ecs.UserTargetName);

        Assert.Equal("{\"host\":{\"name\":\"h1\"}}", doc.ToJson());
    }

    [Fact]
    public void Set_EmptyString_IsIgnored()
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.UserName, "");
        doc.Set(Ecs.UserName, (string?)null);

        Assert.Equal("{}", doc.ToJson());
    }

    [Fact]
    public void Set_Timestamp_WritesUtcIsoWithMilliseconds()
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.Timestamp, new DateTimeOffset(2026, 3, 10, 9, 30, 0, 123, TimeSpan.FromHours(9)));

        Assert.Equal("{\"@timestamp\":\"2026-03-10T00:30:00.123Z\"}", doc.ToJson());
    }

    [Theory]
    [InlineData("2026-03-10T09:30:00.0000000Z", "\"2026-03-10T09:30:00.000Z\"")]
    [InlineData("2026-12-31T23:59:59.9990000Z", "\"2026-12-31T23:59:59.999Z\"")]
    [InlineData("2026-03-10T09:30:00.1234567Z", "\"2026-03-10T09:30:00.1234567Z\"")]
    [InlineData("2026-03-10T09:30:00.0000001Z", "\"2026-03-10T09:30:00.0000001Z\"")]
    [InlineData("0987-01-02T03:04:05.0600000Z", "\"0987-01-02T03:04:05.060Z\"")]
    [InlineData("0001-01-01T00:00:00.0000000Z", "\"0001-01-01T00:00:00.000Z\"")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "\"9999-12-31T23:59:59.9999999Z\"")]
    public void FormatTimestamp_Instant_WritesQuotedIsoUtc(string instant, string expected)
    {
        var ticks = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).UtcTicks;
        Span<byte> buffer = stackalloc byte[32];

        var length = EcsDocument.FormatTimestamp(ticks, buffer);

        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(buffer[..length]));
    }

    [Fact]
    public void Map_DataDrivenNames_WritesObjectWithoutRegisteringPaths()
    {
        var doc = new EcsDocument();
        var map = doc.Map(FieldPath.Of("test_map.event_data"));
        map.Set("TargetUserName", "alice");
        map.Set("LogonType", "3");
        map.Set("TargetUserName", "bob");

        var json = JsonNode.Parse(doc.ToJson())!;
        Assert.Equal("bob", (string?)json["test_map"]!["event_data"]!["TargetUserName"]);
        Assert.Equal("3", (string?)json["test_map"]!["event_data"]!["LogonType"]);

        // Data-driven names never become interned paths (they would grow the registry without bound).
        Assert.False(FieldPath.IsRegistered("test_map.event_data.TargetUserName"));
        Assert.False(FieldPath.IsRegistered("test_map.event_data.LogonType"));
    }

    [Fact]
    public void FieldPath_Of_SameName_ReturnsSameInstance()
    {
        Assert.Same(FieldPath.Of("source.ip"), Ecs.SourceIp);
        Assert.Same(Ecs.SourceIp.Parent, FieldPath.Of("source"));
        Assert.Throws<ArgumentException>(() => FieldPath.Of("a..b"));
    }
}
