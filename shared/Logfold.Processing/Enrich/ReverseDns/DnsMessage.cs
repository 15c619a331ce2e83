using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>
/// The two DNS messages the reverse-DNS client needs (RFC 1035): a PTR query, and the parsing of its
/// answer, including name compression pointers. Parsing is defensive: a reply to another query is ignored,
/// and a malformed one (bad pointer, loop, overrun, oversized name) is an error, never a crash.
/// </summary>
internal static class DnsMessage
{
    /// <summary>Resource record type PTR.</summary>
    public const ushort TypePtr = 12;

    /// <summary>Class IN.</summary>
    public const ushort ClassIn = 1;

    /// <summary>The reverse-lookup name: <c>4.3.2.1.in-addr.arpa</c>, or the nibble form under <c>ip6.arpa</c>.</summary>
    public static string ReverseName(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var sb = new StringBuilder(address.AddressFamily == AddressFamily.InterNetwork ? 29 : 73);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            for (var i = 3; i >= 0; i--)
            {
                sb.Append(bytes[i]).Append('.');
            }

            return sb.Append("in-addr.arpa").ToString();
        }

        const string Hex = "0123456789abcdef";
        for (var i = 15; i >= 0; i--)
        {
            sb.Append(Hex[bytes[i] & 0xF]).Append('.').Append(Hex[bytes[i] >> 4]).Append('.');
        }

        return sb.Append("ip6.arpa").ToString();
    }

    /// <summary>A standard recursive query for the PTR record of <paramref name="name"/>.</summary>
    public static byte[] BuildPtrQuery(ushort id, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var message = new byte[12 + name.Length + 2 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(message, id);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 0x0100); // RD
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), 1); // QDCOUNT
        var pos = WriteName(message, 12, name);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(pos), TypePtr);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(pos + 2), ClassIn);
        return message;
    }

    /// <summary>
    /// Reads the reply to the query (<paramref name="id"/>, <paramref name="questionName"/>). Returns false when
    /// the message answers something else (wrong id, not a response, other question): the caller keeps waiting.
    /// Otherwise <paramref name="ptrName"/> is the first PTR answer, or null for NXDOMAIN or no PTR record.
    /// </summary>
    /// <exception cref="InvalidDataException">The reply is malformed, truncated, or reports a server error.</exception>
    public static bool TryReadPtrResponse(ReadOnlySpan<byte> message, ushort id, string questionName, out string? ptrName)
    {
        ptrName = null;
        if (message.Length < 12)
        {
            throw new InvalidDataException("The DNS reply is shorter than its header.");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if (BinaryPrimitives.ReadUInt16BigEndian(message) != id || (flags & 0x8000) == 0)
        {
            return false;
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var pos = 12;
        if (questions != 1)
        {
            return false;
        }

        var question = ReadName(message, ref pos);
        if (!string.Equals(question, questionName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        pos += 4;
        if ((flags & 0x0200) != 0)
        {
            throw new InvalidDataException("The DNS reply is truncated.");
        }

        var rcode = flags & 0xF;
        if (rcode == 3)
        {
            return true;
        }

        if (rcode != 0)
        {
            throw new InvalidDataException($"The DNS server answered with error code {rcode}.");
        }

        for (var i = 0; i < answers; i++)
        {
            _ = ReadName(message, ref pos);
            if (pos + 10 > message.Length)
            {
                throw new InvalidDataException("A DNS answer runs past the end of the reply.");
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(message[pos..]);
            var cls = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 2)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 8)..]);
            pos += 10;
            if (pos + length > message.Length)
            {
                throw new InvalidDataException("A DNS answer's data runs past the end of the reply.");
            }

            if (type == TypePtr && cls == ClassIn)
            {
                var rdata = pos;
                ptrName = ReadName(message, ref rdata);
                return true;
            }

            pos += length;
        }

        return true;
    }

    /// <summary>Reads a possibly compressed name at <paramref name="pos"/>, leaving it after the name.</summary>
    /// <exception cref="InvalidDataException">A pointer loops or points outside the message, or the name is too long.</exception>
    public static string ReadName(ReadOnlySpan<byte> message, ref int pos)
    {
        var sb = new StringBuilder(64);
        var cursor = pos;
        var jumped = false;
        var jumps = 0;
        while (true)
        {
            if (cursor >= message.Length)
            {
                throw new InvalidDataException("A DNS name runs past the end of the message.");
            }

            var length = message[cursor];
            if ((length & 0xC0) == 0xC0)
            {
                if (cursor + 1 >= message.Length)
                {
                    throw new InvalidDataException("A DNS compression pointer is cut off.");
                }

                var target = ((length & 0x3F) << 8) | message[cursor + 1];
                if (!jumped)
                {
                    pos = cursor + 2;
                    jumped = true;
                }

                if (++jumps > 32 || target >= message.Length)
                {
                    throw new InvalidDataException("A DNS compression pointer loops or points outside the message.");
                }

                cursor = target;
                continue;
            }

            if ((length & 0xC0) != 0)
            {
                throw new InvalidDataException("A DNS name uses an unsupported label type.");
            }

            if (length == 0)
            {
                if (!jumped)
                {
                    pos = cursor + 1;
                }

                return sb.ToString();
            }

            if (cursor + 1 + length > message.Length || sb.Length + length + 1 > 255)
            {
                throw new InvalidDataException("A DNS label runs past the message or the name is longer than 255 bytes.");
            }

            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            foreach (var b in message.Slice(cursor + 1, length))
            {
                sb.Append((char)b);
            }

            cursor += 1 + length;
        }
    }

    /// <summary>Writes <paramref name="name"/> as uncompressed labels at <paramref name="pos"/>; returns the position after it.</summary>
    public static int WriteName(Span<byte> message, int pos, string name)
    {
        foreach (var range in name.AsSpan().TrimEnd('.').Split('.'))
        {
            var label = name.AsSpan()[range];
            if (label.IsEmpty || label.Length > 63)
            {
                throw new ArgumentException($"'{name}' has an empty or over-long label.", nameof(name));
            }

            message[pos++] = (byte)label.Length;
            foreach (var c in label)
            {
                message[pos++] = (byte)c;
            }
        }

        message[pos++] = 0;
        return pos;
    }

    /// <summary>A PTR name is kept only if it is a plausible hostname; returns it lower-cased without the final dot.</summary>
    public static string? CleanHostname(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var span = name.AsSpan().TrimEnd('.');
        if (span.IsEmpty || span.Length > 253)
        {
            return null;
        }

        foreach (var c in span)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return null;
            }
        }

        return span.ToString().ToLowerInvariant();
    }
}
