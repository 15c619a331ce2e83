using System.Buffers.Binary;
using System.Net;
using Logfold.Processing.Enrich.ReverseDns;

namespace Logfold.Processing.Tests.Enrich.ReverseDns;

public sealed class DnsMessageTests
{
    [Theory]
    [InlineData("192.0.2.1", "1.2.0.192.in-addr.arpa")]
    [InlineData("::ffff:10.0.0.5", "5.0.0.10.in-addr.arpa")]
    [InlineData("2001:db8::1", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    public void ReverseName_Addresses_UsesArpaForm(string ip, string expected)
    {
        Assert.Equal(expected, DnsMessage.ReverseName(IPAddress.Parse(ip)));
    }

    [Fact]
    public void BuildPtrQuery_WritesHeaderQuestionTypeAndClass()
    {
        var query = DnsMessage.BuildPtrQuery(0xBEEF, "1.2.0.192.in-addr.arpa");

        Assert.Equal(0xBEEF, BinaryPrimitives.ReadUInt16BigEndian(query));
        Assert.Equal(0x0100, BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(2)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(6)));
        var pos = 12;
        Assert.Equal("1.2.0.192.in-addr.arpa", DnsMessage.ReadName(query, ref pos));
        Assert.Equal(12, BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(pos)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(pos + 2)));
        Assert.Equal(query.Length, pos + 4);
    }

    [Fact]
    public void TryReadPtrResponse_CompressedAnswers_FollowsPointers()
    {
        var reply = DnsReplies.Ptr(7, "1.2.0.192.in-addr.arpa", "web01");

        Assert.True(DnsMessage.TryReadPtrResponse(reply, 7, "1.2.0.192.IN-ADDR.arpa", out var name));
        Assert.Equal("web01.example.com", name);
    }

    [Fact]
    public void TryReadPtrResponse_Nxdomain_ReturnsNullName()
    {
        var reply = DnsReplies.Ptr(7, "1.2.0.192.in-addr.arpa", null, rcode: 3);

        Assert.True(DnsMessage.TryReadPtrResponse(reply, 7, "1.2.0.192.in-addr.arpa", out var name));
        Assert.Null(name);
    }

    [Fact]
    public void TryReadPtrResponse_ServerFailure_Throws()
    {
        var reply = DnsReplies.Ptr(7, "1.2.0.192.in-addr.arpa", null, rcode: 2);

        Assert.Throws<InvalidDataException>(() => DnsMessage.TryReadPtrResponse(reply, 7, "1.2.0.192.in-addr.arpa", out _));
    }

    [Theory]
    [InlineData(8, "1.2.0.192.in-addr.arpa")]
    [InlineData(7, "9.2.0.192.in-addr.arpa")]
    public void TryReadPtrResponse_OtherQuery_IsIgnored(int id, string question)
    {
        var reply = DnsReplies.Ptr(7, "1.2.0.192.in-addr.arpa", "web01");

        Assert.False(DnsMessage.TryReadPtrResponse(reply, (ushort)id, question, out _));
    }

    [Fact]
    public void ReadName_PointerLoop_Throws()
    {
        byte[] message = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0xC0, 12];
        var pos = 12;

        Assert.Throws<InvalidDataException>(() => DnsMessage.ReadName(message, ref pos));
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xFF })]
    [InlineData(new byte[] { 5, (byte)'a', (byte)'b' })]
    [InlineData(new byte[] { 0x80, 1 })]
    [InlineData(new byte[] { 0xC0 })]
    public void ReadName_Malformed_Throws(byte[] name)
    {
        var pos = 0;

        Assert.Throws<InvalidDataException>(() => DnsMessage.ReadName(name, ref pos));
    }

    [Fact]
    public void TryReadPtrResponse_AnswerOverrunsMessage_Throws()
    {
        var reply = DnsReplies.Ptr(7, "1.2.0.192.in-addr.arpa", "web01");

        Assert.Throws<InvalidDataException>(() => DnsMessage.TryReadPtrResponse(reply.AsSpan(0, reply.Length - 3), 7, "1.2.0.192.in-addr.arpa", out _));
    }

    [Theory]
    [InlineData("Web01.Example.COM.", "web01.example.com")]
    [InlineData("bad name.example", null)]
    [InlineData("evil\u0001.example", null)]
    [InlineData("", null)]
    public void CleanHostname_KeepsOnlyPlausibleNames(string input, string? expected)
    {
        Assert.Equal(expected, DnsMessage.CleanHostname(input));
    }
}
