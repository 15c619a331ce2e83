using System.Buffers.Binary;
using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Enrich.CommunityId;

/// <summary>
/// Community ID flow hashing, version 1 (https://github.com/corelight/community-id-spec): <c>1:</c> followed by
/// base64(SHA-1(seed, lower endpoint address, higher endpoint address, protocol, 0, ports)). TCP, UDP and SCTP
/// hash their ports; ICMP and ICMPv6 hash the type and, for request/reply pairs, the counterpart type (so both
/// directions get one ID), else the code; other protocols hash no ports.
/// </summary>
internal static class CommunityIdHash
{
    /// <summary>IANA protocol numbers.</summary>
    public const byte Icmp = 1;

    /// <summary>TCP.</summary>
    public const byte Tcp = 6;

    /// <summary>UDP.</summary>
    public const byte Udp = 17;

    /// <summary>ICMPv6.</summary>
    public const byte Icmp6 = 58;

    /// <summary>SCTP.</summary>
    public const byte Sctp = 132;

    /// <summary>The protocol number of an ECS <c>network.transport</c> name, or 0 when unknown.</summary>
    public static byte ProtocolNumber(string? transport) => transport switch
    {
        "tcp" => Tcp,
        "udp" => Udp,
        "sctp" => Sctp,
        "icmp" => Icmp,
        "ipv6-icmp" or "icmpv6" or "icmp6" => Icmp6,
        "gre" => 47,
        "esp" => 50,
        "ah" => 51,
        "rsvp" => 46,
        "ospf" => 89,
        "igmp" => 2,
        _ => 0,
    };

    /// <summary>
    /// The Community ID of a flow given as text, or null when an address is missing or invalid, the families
    /// differ, or a port-based protocol lacks valid ports (ICMP lacks a type).
    /// </summary>
    /// <param name="sourceIp">The source address text.</param>
    /// <param name="destinationIp">The destination address text.</param>
    /// <param name="protocol">The IANA protocol number.</param>
    /// <param name="sourcePort">The source port, or the ICMP type.</param>
    /// <param name="destinationPort">The destination port, or the ICMP code.</param>
    /// <param name="seed">The seed (0 unless every producer agreed on another).</param>
    public static string? Compute(string? sourceIp, string? destinationIp, byte protocol, long? sourcePort, long? destinationPort, ushort seed = 0)
    {
        if (sourceIp is null || destinationIp is null || !IpKey.TryParse(sourceIp, out var src) || !IpKey.TryParse(destinationIp, out var dst))
        {
            return null;
        }

        return Compute(src, dst, protocol, sourcePort, destinationPort, seed);
    }

    /// <summary>The Community ID of a flow given as address keys (see <see cref="IpKey"/>).</summary>
    public static string? Compute(UInt128 source, UInt128 destination, byte protocol, long? sourcePort, long? destinationPort, ushort seed = 0)
    {
        if (IpKey.IsV4(source) != IpKey.IsV4(destination) || protocol == 0)
        {
            return null;
        }

        var hasPorts = true;
        var oneWay = false;
        ushort sp = 0, dp = 0;
        switch (protocol)
        {
            case Tcp or Udp or Sctp:
                if (sourcePort is not (>= 0 and <= 65535) || destinationPort is not (>= 0 and <= 65535))
                {
                    return null;
                }

                sp = (ushort)sourcePort.Value;
                dp = (ushort)destinationPort.Value;
                break;
            case Icmp or Icmp6:
                if (sourcePort is not (>= 0 and <= 255))
                {
                    return null;
                }

                var type = (byte)sourcePort.Value;
                var code = destinationPort is >= 0 and <= 255 ? (byte)destinationPort.Value : (byte)0;
                sp = type;
                if (Counterpart(type, protocol == Icmp6) is { } counterpart)
                {
                    dp = counterpart;
                }
                else
                {
                    dp = code;
                    oneWay = true;
                }

                break;
            default:
                hasPorts = false;
                break;
        }

        // Order the endpoints (lower address first, then lower port) unless the ICMP message has no reply.
        if (!oneWay && (source > destination || (source == destination && sp > dp)))
        {
            (source, destination) = (destination, source);
            (sp, dp) = (dp, sp);
        }

        Span<byte> input = stackalloc byte[2 + 16 + 16 + 2 + 4];
        var n = 0;
        BinaryPrimitives.WriteUInt16BigEndian(input, seed);
        n += 2;
        n += IpKey.WriteBytes(source, input[n..]);
        n += IpKey.WriteBytes(destination, input[n..]);
        input[n++] = protocol;
        input[n++] = 0;
        if (hasPorts)
        {
            BinaryPrimitives.WriteUInt16BigEndian(input[n..], sp);
            n += 2;
            BinaryPrimitives.WriteUInt16BigEndian(input[n..], dp);
            n += 2;
        }

        Span<byte> hash = stackalloc byte[20];
        Sha1SingleBlock.Hash(input[..n], hash);
        Span<char> text = stackalloc char[30];
        text[0] = '1';
        text[1] = ':';
        Convert.TryToBase64Chars(hash, text[2..], out _);
        return new string(text);
    }

    // The reply type of an ICMP request (and the request type of a reply), as Zeek and the spec's reference pair them.
    private static byte? Counterpart(byte type, bool v6) => v6
        ? type switch
        {
            128 => 129,
            129 => 128,
            130 => 131,
            131 => 130,
            133 => 134,
            134 => 133,
            135 => 136,
            136 => 135,
            139 => 140,
            140 => 139,
            144 => 145,
            145 => 144,
            _ => null,
        }
        : type switch
        {
            8 => 0,
            0 => 8,
            13 => 14,
            14 => 13,
            15 => 16,
            16 => 15,
            10 => 9,
            17 => 18,
            18 => 17,
            _ => null,
        };
}
