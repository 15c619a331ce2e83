using System.Buffers.Binary;
using Logfold.Processing.Enrich.ReverseDns;

namespace Logfold.Processing.Tests.Enrich.ReverseDns;

/// <summary>Hand-built DNS replies for the parser and the fake server.</summary>
internal static class DnsReplies
{
    /// <summary>
    /// A reply to (<paramref name="id"/>, <paramref name="question"/>): a CNAME answer whose data is the
    /// uncompressed <c>example.com</c>, then a PTR answer <c>&lt;ptrLabel&gt;</c> + pointer to that
    /// <c>example.com</c>; both answer names are pointers to the question. <paramref name="rcode"/> 3 gives
    /// NXDOMAIN with no answers.
    /// </summary>
    public static byte[] Ptr(ushort id, string question, string? ptrLabel, int rcode = 0)
    {
        var buffer = new byte[512];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, id);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)(0x8180 | rcode));
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(6), (ushort)(ptrLabel is null ? 0 : 2));
        var pos = DnsMessage.WriteName(buffer, 12, question);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(pos), DnsMessage.TypePtr);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(pos + 2), DnsMessage.ClassIn);
        pos += 4;
        if (ptrLabel is null)
        {
            return buffer[..pos];
        }

        // CNAME answer: name -> question (0xC00C), rdata = example.com (uncompressed).
        pos = Header(buffer, pos, type: 5);
        var cnameData = pos;
        pos = DnsMessage.WriteName(buffer, pos, "example.com");
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(cnameData - 2), (ushort)(pos - cnameData));

        // PTR answer: rdata = label + pointer to the CNAME's example.com.
        pos = Header(buffer, pos, type: DnsMessage.TypePtr);
        var ptrData = pos;
        buffer[pos++] = (byte)ptrLabel.Length;
        foreach (var c in ptrLabel)
        {
            buffer[pos++] = (byte)c;
        }

        buffer[pos++] = (byte)(0xC0 | (cnameData >> 8));
        buffer[pos++] = (byte)cnameData;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(ptrData - 2), (ushort)(pos - ptrData));
        return buffer[..pos];
    }

    private static int Header(byte[] buffer, int pos, ushort type)
    {
        buffer[pos++] = 0xC0;
        buffer[pos++] = 0x0C;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(pos), type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(pos + 2), DnsMessage.ClassIn);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(pos + 4), 3600);
        return pos + 10;
    }
}
