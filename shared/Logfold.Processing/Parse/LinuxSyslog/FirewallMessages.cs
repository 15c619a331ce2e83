using Logfold.Processing.Model;
using static Logfold.Processing.Parse.LinuxSyslog.Utf8Text;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// Netfilter LOG lines from the kernel (iptables, nftables, UFW, firewalld), mapped like Elastic's iptables
/// integration: <c>source.*</c>/<c>destination.*</c> addresses, ports and MACs, <c>network.transport</c>, and
/// the packet details under <c>iptables.*</c>. The log prefix (<c>[UFW BLOCK]</c>, <c>IPTABLES-DROP:</c>) gives
/// <c>event.action</c> and whether the packet was allowed or denied.
/// </summary>
internal static class FirewallMessages
{
    public static bool TryMap(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        var inAt = m.IndexOf("IN="u8);
        if (inAt < 0 || (inAt > 0 && m[inAt - 1] != (byte)' ') || m.IndexOf(" SRC="u8) < 0)
        {
            return false;
        }

        // "[ 1234.5678] [UFW BLOCK] IN=..." / "[123.4] IPTABLES-DROP: IN=..." / "IN=..."
        var prefix = TrimWhite(m[..inAt]);
        if (prefix.Length > 0 && prefix[0] == (byte)'[')
        {
            var close = prefix.IndexOf((byte)']');
            if (close > 0 && IsUptime(prefix[1..close]))
            {
                prefix = TrimWhite(prefix[(close + 1)..]);
            }
        }

        if (prefix.Length >= 2 && prefix[0] == (byte)'[' && prefix[^1] == (byte)']')
        {
            prefix = TrimWhite(prefix[1..^1]);
        }

        prefix = prefix.TrimEnd((byte)':').TrimEnd((byte)' ');
        SetAction(prefix, doc);

        var rest = m[inAt..];
        var afterProto = false;
        var proto = default(ReadOnlySpan<byte>);
        var ipLengthSeen = false;
        while (!rest.IsEmpty)
        {
            var sp = rest.IndexOf((byte)' ');
            var token = sp < 0 ? rest : rest[..sp];
            rest = sp < 0 ? default : rest[(sp + 1)..];
            if (token.IsEmpty)
            {
                continue;
            }

            var eq = token.IndexOf((byte)'=');
            if (eq < 0)
            {
                Flag(token, afterProto, doc);
                continue;
            }

            var key = token[..eq];
            var value = token[(eq + 1)..];
            switch (key.Length)
            {
                case 2 when key.SequenceEqual("IN"u8):
                    doc.Set(SyslogFields.IptInputDevice, Str(value));
                    break;
                case 3 when key.SequenceEqual("OUT"u8):
                    doc.Set(SyslogFields.IptOutputDevice, Str(value));
                    break;
                case 3 when key.SequenceEqual("MAC"u8):
                    Mac(value, doc);
                    break;
                case 3 when key.SequenceEqual("SRC"u8):
                    if (IsIp(value))
                    {
                        doc.Set(Ecs.SourceIp, Str(value));
                    }

                    break;
                case 3 when key.SequenceEqual("DST"u8):
                    if (IsIp(value))
                    {
                        doc.Set(Ecs.DestinationIp, Str(value));
                    }

                    break;
                case 3 when key.SequenceEqual("LEN"u8):
                    if (!ipLengthSeen)
                    {
                        ipLengthSeen = true;
                        SetLong(SyslogFields.IptLength, value, doc);
                    }
                    else if (afterProto && proto.SequenceEqual("UDP"u8))
                    {
                        SetLong(SyslogFields.IptUdpLength, value, doc);
                    }

                    break;
                case 3 when key.SequenceEqual("TOS"u8):
                case 2 when key.SequenceEqual("TC"u8):
                    SetHex(SyslogFields.IptTos, value, doc);
                    break;
                case 4 when key.SequenceEqual("PREC"u8):
                    SetHex(SyslogFields.IptPrecedenceBits, value, doc);
                    break;
                case 3 when key.SequenceEqual("TTL"u8):
                case 8 when key.SequenceEqual("HOPLIMIT"u8):
                    SetLong(SyslogFields.IptTtl, value, doc);
                    break;
                case 2 when key.SequenceEqual("ID"u8):
                    SetLong(afterProto ? SyslogFields.IptIcmpId : SyslogFields.IptId, value, doc);
                    break;
                case 7 when key.SequenceEqual("FLOWLBL"u8):
                    SetLong(SyslogFields.IptFlowLabel, value, doc);
                    break;
                case 5 when key.SequenceEqual("PROTO"u8):
                    afterProto = true;
                    proto = value;
                    if (TryLong(value, out _))
                    {
                        doc.Set(Ecs.NetworkIanaNumber, Str(value));
                    }
                    else
                    {
                        doc.Set(Ecs.NetworkTransport, Transport(value));
                    }

                    break;
                case 3 when key.SequenceEqual("SPT"u8):
                    SetLong(Ecs.SourcePort, value, doc);
                    break;
                case 3 when key.SequenceEqual("DPT"u8):
                    SetLong(Ecs.DestinationPort, value, doc);
                    break;
                case 6 when key.SequenceEqual("WINDOW"u8):
                    SetLong(SyslogFields.IptTcpWindow, value, doc);
                    break;
                case 3 when key.SequenceEqual("RES"u8):
                    SetHex(SyslogFields.IptTcpReservedBits, value, doc);
                    break;
                case 3 when key.SequenceEqual("SEQ"u8):
                    SetLong(proto.SequenceEqual("TCP"u8) ? SyslogFields.IptTcpSeq : SyslogFields.IptIcmpSeq, value, doc);
                    break;
                case 3 when key.SequenceEqual("ACK"u8):
                    SetLong(SyslogFields.IptTcpAck, value, doc);
                    break;
                case 4 when key.SequenceEqual("TYPE"u8):
                    SetLong(SyslogFields.IptIcmpType, value, doc);
                    break;
                case 4 when key.SequenceEqual("CODE"u8):
                    SetLong(SyslogFields.IptIcmpCode, value, doc);
                    break;
                default:
                    break;
            }
        }

        doc.Add(Ecs.EventCategory, "network");
        if (doc.Has(Ecs.SourceIp) && doc.Has(Ecs.DestinationIp))
        {
            doc.Add(Ecs.EventType, "connection");
        }

        return true;
    }

    private static bool IsUptime(ReadOnlySpan<byte> s)
    {
        s = s.TrimStart((byte)' ');
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var b in s)
        {
            if ((uint)(b - '0') > 9 && b != (byte)'.')
            {
                return false;
            }
        }

        return true;
    }

    // The last word of the prefix is the verdict: "UFW BLOCK" → block, "IPTABLES-DROP" → drop.
    private static void SetAction(ReadOnlySpan<byte> prefix, EcsDocument doc)
    {
        if (prefix.IsEmpty)
        {
            return;
        }

        var cut = prefix.LastIndexOfAny((byte)' ', (byte)'-', (byte)'_');
        var word = cut >= 0 ? prefix[(cut + 1)..] : prefix;
        if (word.IsEmpty || word.Length > 32)
        {
            return;
        }

        var action = Verdict(word);
        doc.Set(Ecs.EventAction, action ?? Lower(word));
        if (action is "block" or "drop" or "deny" or "reject")
        {
            doc.Add(Ecs.EventType, "denied");
        }
        else if (action is "allow" or "accept")
        {
            doc.Add(Ecs.EventType, "allowed");
        }
    }

    private static string? Verdict(ReadOnlySpan<byte> word)
    {
        Span<byte> lower = stackalloc byte[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            lower[i] = (uint)(word[i] - 'A') <= 25 ? (byte)(word[i] | 0x20) : word[i];
        }

        return lower switch
        {
            _ when lower.SequenceEqual("block"u8) => "block",
            _ when lower.SequenceEqual("drop"u8) || lower.SequenceEqual("dropped"u8) || lower.SequenceEqual("d"u8) => "drop",
            _ when lower.SequenceEqual("deny"u8) || lower.SequenceEqual("denied"u8) => "deny",
            _ when lower.SequenceEqual("reject"u8) || lower.SequenceEqual("rejected"u8) => "reject",
            _ when lower.SequenceEqual("allow"u8) || lower.SequenceEqual("allowed"u8) => "allow",
            _ when lower.SequenceEqual("accept"u8) || lower.SequenceEqual("accepted"u8) || lower.SequenceEqual("a"u8) => "accept",
            _ when lower.SequenceEqual("audit"u8) => "audit",
            _ when lower.SequenceEqual("limit"u8) => "limit",
            _ => null,
        };
    }

    private static string Transport(ReadOnlySpan<byte> proto) => proto switch
    {
        _ when proto.SequenceEqual("TCP"u8) => "tcp",
        _ when proto.SequenceEqual("UDP"u8) => "udp",
        _ when proto.SequenceEqual("ICMP"u8) => "icmp",
        _ when proto.SequenceEqual("ICMPv6"u8) || proto.SequenceEqual("ICMPV6"u8) => "ipv6-icmp",
        _ when proto.SequenceEqual("UDPLITE"u8) => "udplite",
        _ when proto.SequenceEqual("SCTP"u8) => "sctp",
        _ => Lower(proto),
    };

    private static void Flag(ReadOnlySpan<byte> token, bool afterProto, EcsDocument doc)
    {
        if (!afterProto)
        {
            if (token.SequenceEqual("DF"u8) || token.SequenceEqual("MF"u8) || token.SequenceEqual("CE"u8))
            {
                doc.Add(SyslogFields.IptFragmentFlags, Str(token));
            }

            return;
        }

        if (token.SequenceEqual("SYN"u8) || token.SequenceEqual("ACK"u8) || token.SequenceEqual("FIN"u8) ||
            token.SequenceEqual("RST"u8) || token.SequenceEqual("PSH"u8) || token.SequenceEqual("URG"u8) ||
            token.SequenceEqual("CWR"u8) || token.SequenceEqual("ECE"u8))
        {
            doc.Add(SyslogFields.IptTcpFlags, Str(token));
        }
    }

    // "00:08:a2:0c:1f:12:00:c8:8b:e2:d6:87:08:00" = destination MAC, source MAC, ether type.
    private static void Mac(ReadOnlySpan<byte> value, EcsDocument doc)
    {
        if (value.Length >= 17)
        {
            doc.Set(Ecs.DestinationMac, FormatMac(value[..17]));
        }

        if (value.Length >= 35)
        {
            doc.Set(Ecs.SourceMac, FormatMac(value[18..35]));
        }

        if (value.Length >= 41 && TryHex(value[36..38], out var hi) && TryHex(value[39..41], out var lo))
        {
            var etherType = (hi << 8) | lo;
            doc.Set(SyslogFields.IptEtherType, etherType);
            doc.Set(Ecs.NetworkType, etherType switch
            {
                0x0800 => "ipv4",
                0x86DD => "ipv6",
                _ => null,
            });
        }
    }

    private static string FormatMac(ReadOnlySpan<byte> mac)
    {
        Span<byte> buffer = stackalloc byte[17];
        for (var i = 0; i < 17; i++)
        {
            var b = mac[i];
            buffer[i] = b == (byte)':' ? (byte)'-' : (uint)(b - 'a') <= 25 ? (byte)(b - 32) : b;
        }

        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static void SetLong(FieldPath path, ReadOnlySpan<byte> value, EcsDocument doc)
    {
        if (TryLong(value, out var v))
        {
            doc.Set(path, v);
        }
    }

    private static void SetHex(FieldPath path, ReadOnlySpan<byte> value, EcsDocument doc)
    {
        if (TryHex(value, out var v))
        {
            doc.Set(path, v);
        }
    }
}
