using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// Community ID flow hashing, version 1 (https://github.com/corelight/community-id-spec), as Elastic's
/// <c>community_id</c> processor computes it for TCP, UDP and SCTP flows with seed 0.
/// </summary>
internal static class PanCommunityId
{
    /// <summary>The <c>1:base64(sha1(...))</c> ID of a flow, or null when the flow cannot be hashed.</summary>
    public static string? Compute(string? sourceIp, long sourcePort, string? destinationIp, long destinationPort, string? transport)
    {
        byte proto = transport switch
        {
            "tcp" => 6,
            "udp" => 17,
            "sctp" => 132,
            _ => 0,
        };
        if (proto == 0 || sourcePort is <= 0 or > 65535 || destinationPort is <= 0 or > 65535 ||
            !IPAddress.TryParse(sourceIp, out var src) || !IPAddress.TryParse(destinationIp, out var dst) ||
            src.AddressFamily != dst.AddressFamily)
        {
            return null;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        if (!src.TryWriteBytes(a, out var len) || !dst.TryWriteBytes(b, out _))
        {
            return null;
        }

        a = a[..len];
        b = b[..len];
        var sp = (ushort)sourcePort;
        var dp = (ushort)destinationPort;
        var order = a.SequenceCompareTo(b);
        if (order > 0 || (order == 0 && sp > dp))
        {
            var t = a;
            a = b;
            b = t;
            (sp, dp) = (dp, sp);
        }

        Span<byte> input = stackalloc byte[2 + 16 + 16 + 2 + 4];
        var n = 0;
        BinaryPrimitives.WriteUInt16BigEndian(input[n..], 0);
        n += 2;
        a.CopyTo(input[n..]);
        n += len;
        b.CopyTo(input[n..]);
        n += len;
        input[n++] = proto;
        input[n++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(input[n..], sp);
        n += 2;
        BinaryPrimitives.WriteUInt16BigEndian(input[n..], dp);
        n += 2;
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // The Community ID specification defines the hash as SHA-1; it is an identifier, not a security control.
        SHA1.HashData(input[..n], hash);
#pragma warning restore CA5350
        return "1:" + Convert.ToBase64String(hash);
    }
}
