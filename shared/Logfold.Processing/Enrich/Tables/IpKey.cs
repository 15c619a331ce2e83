using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Logfold.Processing.Enrich.Tables;

/// <summary>
/// An IP address as a 128-bit number: IPv4 (and IPv4-mapped IPv6) in the low 32 bits with
/// <see cref="IsV4"/> set, IPv6 as its big-endian value. Parsing IPv4 text allocates nothing.
/// </summary>
internal readonly record struct IpKey(UInt128 Value, bool IsV4)
{
    /// <summary>The IPv4 address as a number (only when <see cref="IsV4"/>).</summary>
    public uint V4 => (uint)Value;

    /// <summary>Parses an IPv4 or IPv6 address (IPv6 may carry a zone index, which is ignored).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpKey key)
    {
        text = text.Trim();
        if (TryParseV4(text, out var v4))
        {
            key = new IpKey(v4, true);
            return true;
        }

        key = default;
        if (text.IsEmpty || text.IndexOf(':') < 0 || text.Length > 64 || !IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        return TryFrom(address, out key);
    }

    /// <summary>Converts an <see cref="IPAddress"/>; IPv4-mapped IPv6 addresses become IPv4.</summary>
    public static bool TryFrom(IPAddress address, out IpKey key)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork && address.TryWriteBytes(bytes, out _))
        {
            key = new IpKey(BinaryPrimitives.ReadUInt32BigEndian(bytes), true);
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.TryWriteBytes(bytes, out _))
        {
            var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            if (value >> 32 == 0xFFFF)
            {
                key = new IpKey((uint)value, true);
                return true;
            }

            key = new IpKey(value, false);
            return true;
        }

        key = default;
        return false;
    }

    /// <summary>The address as an <see cref="IPAddress"/> (allocates; not for hot paths).</summary>
    public IPAddress ToAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (IsV4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, V4);
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, Value);
        return new IPAddress(bytes);
    }

    /// <summary>Parses dotted-quad IPv4 text with no allocation.</summary>
    public static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text.Length is < 7 or > 15)
        {
            return false;
        }

        var octets = 0;
        var current = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                current = (current * 10) + (c - '0');
                if (++digits > 3 || current > 255)
                {
                    return false;
                }
            }
            else if (c == '.' && digits > 0 && octets < 3)
            {
                value = (value << 8) | (uint)current;
                octets++;
                current = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (octets != 3 || digits == 0)
        {
            return false;
        }

        value = (value << 8) | (uint)current;
        return true;
    }
}
