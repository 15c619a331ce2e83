using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Logfold.Processing.Enrich.Net;

/// <summary>
/// IP addresses as 128-bit keys: IPv6 as is, IPv4 mapped into <c>::ffff:0:0/96</c>, so one sorted table holds
/// both families (<see cref="IpRangeTable{T}"/>). IPv4 text is parsed without allocating by the shared
/// <see cref="Tables.IpKey.TryParseV4"/>; IPv6 text goes through <see cref="IPAddress"/>.
/// </summary>
internal static class IpKey
{
    /// <summary>The first key of the IPv4-mapped block (<c>::ffff:0.0.0.0</c>).</summary>
    public static readonly UInt128 V4Base = new(0, 0xFFFF_0000_0000UL);

    /// <summary>True when the key is an IPv4 address.</summary>
    public static bool IsV4(UInt128 key) => key >> 32 == (UInt128)0xFFFFUL;

    /// <summary>The key of an IPv4 address given as a 32-bit number.</summary>
    public static UInt128 FromV4(uint address) => V4Base | address;

    /// <summary>Parses an IPv4 or IPv6 address (an IPv6 zone suffix is ignored).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 key)
    {
        if (Tables.IpKey.TryParseV4(text, out var v4))
        {
            key = FromV4(v4);
            return true;
        }

        if (text.IndexOf(':') >= 0 && IPAddress.TryParse(text, out var address))
        {
            key = FromAddress(address);
            return true;
        }

        key = default;
        return false;
    }

    /// <summary>The key of an <see cref="IPAddress"/>.</summary>
    public static UInt128 FromAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? FromV4(BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>Writes the address's wire bytes (4 for IPv4, 16 for IPv6); returns the count.</summary>
    public static int WriteBytes(UInt128 key, Span<byte> into)
    {
        if (IsV4(key))
        {
            BinaryPrimitives.WriteUInt32BigEndian(into, (uint)key);
            return 4;
        }

        BinaryPrimitives.WriteUInt128BigEndian(into, key);
        return 16;
    }

    /// <summary>Builds an <see cref="IPAddress"/> from a key (IPv4 keys give IPv4 addresses).</summary>
    public static IPAddress ToAddress(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        var n = WriteBytes(key, bytes);
        return new IPAddress(bytes[..n]);
    }

    /// <summary>
    /// Parses <c>address/prefix</c> (or a bare address: a host route) into the first and last key it covers.
    /// Host bits set below the prefix are cleared (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>).
    /// </summary>
    /// <param name="text">The CIDR text.</param>
    /// <param name="first">The first key covered.</param>
    /// <param name="last">The last key covered.</param>
    /// <param name="prefixLength">The prefix length in the 128-bit key space (IPv4 /8 is 104).</param>
    public static bool TryParseCidr(ReadOnlySpan<char> text, out UInt128 first, out UInt128 last, out int prefixLength)
    {
        first = last = default;
        prefixLength = 0;
        text = text.Trim();
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParse(addressText, out var key))
        {
            return false;
        }

        var v4 = IsV4(key);
        var max = v4 ? 32 : 128;
        var prefix = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > max))
        {
            return false;
        }

        prefixLength = v4 ? prefix + 96 : prefix;
        var hostMask = prefixLength == 128 ? UInt128.Zero : UInt128.MaxValue >> prefixLength;
        first = key & ~hostMask;
        last = key | hostMask;
        return true;
    }

    /// <summary>The address family of a key.</summary>
    public static AddressFamily Family(UInt128 key) => IsV4(key) ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
}
