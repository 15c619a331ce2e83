using System.Globalization;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// Maps a split PAN-OS record (CSV columns, or CEF/LEEF keys placed at their CSV positions) to ECS the way
/// Elastic's <c>panw.panos</c> ingest pipelines do. Column numbers are absolute (0 is the FUTURE_USE before
/// Receive Time).
/// </summary>
internal static class PanMapper
{
    // Common header columns.
    public const int ReceiveTime = 1;
    public const int Serial = 2;
    public const int Type = 3;
    public const int SubType = 4;
    public const int GeneratedTime = 6;

    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>The PAN-OS log types, by the Type column.</summary>
    public enum LogType
    {
        Unknown,
        Traffic,
        Threat,
        System,
        Config,
        HipMatch,
        GlobalProtect,
        UserId,
        Authentication,
        Decryption,
        IpTag,
        Other,
    }

    /// <summary>Recognises the Type column.</summary>
    public static LogType ParseType(ReadOnlySpan<byte> t) => t switch
    {
        _ when t.SequenceEqual("TRAFFIC"u8) => LogType.Traffic,
        _ when t.SequenceEqual("THREAT"u8) => LogType.Threat,
        _ when t.SequenceEqual("SYSTEM"u8) => LogType.System,
        _ when t.SequenceEqual("CONFIG"u8) => LogType.Config,
        _ when t.SequenceEqual("HIPMATCH"u8) || t.SequenceEqual("HIP-MATCH"u8) => LogType.HipMatch,
        _ when t.SequenceEqual("GLOBALPROTECT"u8) => LogType.GlobalProtect,
        _ when t.SequenceEqual("USERID"u8) => LogType.UserId,
        _ when t.SequenceEqual("AUTHENTICATION"u8) => LogType.Authentication,
        _ when t.SequenceEqual("DECRYPTION"u8) => LogType.Decryption,
        _ when t.SequenceEqual("IPTAG"u8) => LogType.IpTag,
        _ when t.SequenceEqual("CORRELATION"u8) || t.SequenceEqual("GTP"u8) || t.SequenceEqual("SCTP"u8) ||
               t.SequenceEqual("START"u8) || t.SequenceEqual("END"u8) || t.SequenceEqual("TUNNEL"u8) => LogType.Other,
        _ => LogType.Unknown,
    };

    /// <summary>The fewest columns a line of each type must have; fewer means the line was cut short.</summary>
    public static int MinColumns(LogType type) => type switch
    {
        LogType.Traffic => 47,
        LogType.Threat => 40,
        LogType.System => 15,
        LogType.Config => 13,
        LogType.HipMatch => 15,
        LogType.GlobalProtect => 30,
        LogType.UserId => 18,
        LogType.Authentication => 21,
        LogType.Decryption => 40,
        LogType.IpTag => 12,
        _ => 7,
    };

    /// <summary>The vendor column layout of a type, or null.</summary>
    public static PanLayout? Layout(LogType type) => type switch
    {
        LogType.Traffic => PanLayouts.Traffic,
        LogType.Threat => PanLayouts.Threat,
        LogType.System => PanLayouts.System,
        LogType.Config => PanLayouts.Config,
        LogType.HipMatch => PanLayouts.HipMatch,
        LogType.GlobalProtect => PanLayouts.GlobalProtect,
        LogType.UserId => PanLayouts.UserId,
        LogType.Authentication => PanLayouts.Authentication,
        LogType.Decryption => PanLayouts.Decryption,
        LogType.IpTag => PanLayouts.IpTag,
        _ => null,
    };

    /// <summary>Writes the observer constants every PAN-OS event carries.</summary>
    public static void Observer(EcsDocument doc)
    {
        doc.Set(Ecs.ObserverVendor, "Palo Alto Networks");
        doc.Set(Ecs.ObserverProduct, "PAN-OS");
        doc.Set(Ecs.ObserverType, "firewall");

        // What Elastic's panw integration indexes as the module and data stream.
        doc.Set(Ecs.EventModule, "panw");
        doc.Set(Ecs.EventDataset, "panw.panos");
    }

    /// <summary>Sets <c>event.timezone</c> (as Elastic's <c>_conf.tz_offset</c>) when the device zone is not UTC.</summary>
    public static void TimeZoneOffset(EcsDocument doc, TimeZoneInfo zone, DateTimeOffset at)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return;
        }

        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        doc.Set(Ecs.EventTimezone, string.Create(CultureInfo.InvariantCulture, $"{sign}{offset.Hours:00}:{offset.Minutes:00}"));
    }

    /// <summary>Maps the type-specific columns (7 onwards) of a CSV-shaped record.</summary>
    public static void MapBody(in PanRecord r, LogType type, NormalizeContext context, EcsDocument doc)
    {
        var zone = context.PanOsZone;
        if (Layout(type) is { } layout)
        {
            VendorColumns(r, layout, zone, doc);
        }

        switch (type)
        {
            case LogType.Traffic:
                Traffic(r, zone, doc);
                break;
            case LogType.Threat:
                Threat(r, doc);
                break;
            case LogType.Decryption:
                Decryption(r, zone, doc);
                break;
            case LogType.Config:
                Config(r, doc);
                break;
            case LogType.System:
                doc.Set(Ecs.EventKind, "event");
                doc.Add(Ecs.EventCategory, "configuration");
                doc.Set(Ecs.EventCode, r.Str(8));
                doc.Set(Ecs.LogLevel, r.Str(13));
                doc.Set(Ecs.ObserverHostname, r.Str(22));
                break;
            case LogType.UserId:
                UserId(r, doc);
                break;
            case LogType.GlobalProtect:
                GlobalProtect(r, doc);
                break;
            case LogType.HipMatch:
                HipMatch(r, doc);
                break;
            case LogType.Authentication:
                Authentication(r, doc);
                break;
            case LogType.IpTag:
                doc.Set(Ecs.EventKind, "event");
                doc.Add(Ecs.EventCategory, "network");
                doc.Set(Ecs.EventCode, r.Str(10));
                SetIp(doc, Ecs.SourceIp, r, 8);
                doc.Set(Ecs.ObserverHostname, r.Str(23));
                break;
            default:
                doc.Set(Ecs.EventKind, "event");
                break;
        }

        Finish(doc);
    }

    /// <summary>The fields Elastic's default pipeline derives after the type pipeline ran.</summary>
    public static void Finish(EcsDocument doc)
    {
        // user.* mirrors source.user.*.
        if (doc.TryGet(Ecs.SourceUserName, out var sun))
        {
            doc.Set(Ecs.UserName, sun);
            doc.Set(Ecs.UserDomain, doc.GetString(Ecs.SourceUserDomain));
        }

        var level = doc.GetString(Ecs.LogLevel);
        long severity = level switch
        {
            "critical" => 1,
            "high" => 2,
            "medium" => 3,
            "low" => 4,
            "informational" => 5,
            _ => 0,
        };
        if (severity > 0)
        {
            doc.Set(Ecs.EventSeverity, severity);
        }

        var ip = doc.GetString(Ecs.SourceIp);
        if (ip is not null && !doc.Has(Ecs.NetworkType))
        {
            doc.Set(Ecs.NetworkType, ip.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4");
        }

        doc.Add(Ecs.RelatedIp, ip);
        doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.DestinationIp));
        doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.SourceNatIp));
        doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.DestinationNatIp));
        if (doc.TryGet(Ecs.HostIp, out var hostIp))
        {
            if (hostIp.Array is { } list)
            {
                foreach (var item in list)
                {
                    doc.Add(Ecs.RelatedIp, item);
                }
            }
            else
            {
                doc.Add(Ecs.RelatedIp, hostIp.String);
            }
        }

        doc.Add(Ecs.RelatedIp, doc.GetString(PanXffIp));
        doc.Add(Ecs.RelatedIp, doc.GetString(PanFields.NetworkForwardedIp));

        AddUsers(doc, Ecs.SourceUserName);
        AddUsers(doc, Ecs.DestinationUserName);

        doc.Add(Ecs.RelatedHosts, doc.GetString(Ecs.ObserverHostname));
        doc.Add(Ecs.RelatedHosts, doc.GetString(Ecs.HostName));
        doc.Add(Ecs.RelatedHosts, doc.GetString(PanDstHost));
        doc.Add(Ecs.RelatedHosts, doc.GetString(PanSrcHost));

        CommunityIds(doc);
        NormalizeMac(doc, PanSrcMac);
        NormalizeMac(doc, PanDstMac);

        // NAT fields when no translation was done.
        RemoveUntranslated(doc, Ecs.SourceNatIp, Ecs.SourceNatPort);
        RemoveUntranslated(doc, Ecs.DestinationNatIp, Ecs.DestinationNatPort);
    }

    private static readonly FieldPath PanXffIp = FieldPath.Of("panw.panos.xff.ip");
    private static readonly FieldPath PanDstHost = FieldPath.Of("panw.panos.dst.host");
    private static readonly FieldPath PanSrcHost = FieldPath.Of("panw.panos.src.host");
    private static readonly FieldPath PanFileHash = FieldPath.Of("panw.panos.file.hash");
    private static readonly FieldPath PanUrlCategoryList = FieldPath.Of("panw.panos.url_category_list");
    private static readonly FieldPath PanHttp2 = FieldPath.Of("panw.panos.http2_connection");

    private static readonly FieldPath PanPcapId = FieldPath.Of("panw.panos.network.pcap_id");
    private static readonly FieldPath PanSrcMac = FieldPath.Of("panw.panos.src.mac");
    private static readonly FieldPath PanDstMac = FieldPath.Of("panw.panos.dst.mac");

    // network.community_id for the flow, plus the NAT flow's ID when the firewall translated it.
    private static void CommunityIds(EcsDocument doc)
    {
        var transport = doc.GetString(Ecs.NetworkTransport);
        if (transport is null)
        {
            return;
        }

        var flow = PanCommunityId.Compute(doc.GetString(Ecs.SourceIp), doc.GetLong(Ecs.SourcePort) ?? 0,
            doc.GetString(Ecs.DestinationIp), doc.GetLong(Ecs.DestinationPort) ?? 0, transport);
        var nat = PanCommunityId.Compute(doc.GetString(Ecs.SourceNatIp), doc.GetLong(Ecs.SourceNatPort) ?? 0,
            doc.GetString(Ecs.DestinationNatIp), doc.GetLong(Ecs.DestinationNatPort) ?? 0, transport);
        doc.Set(PanFields.NatCommunityId, nat);
        if (flow is not null && nat is not null && flow != nat)
        {
            doc.Add(Ecs.NetworkCommunityId, flow);
            doc.Add(Ecs.NetworkCommunityId, nat);
        }
        else
        {
            doc.Set(Ecs.NetworkCommunityId, flow ?? nat);
        }
    }

    private static void NormalizeMac(EcsDocument doc, FieldPath path)
    {
        if (doc.GetString(path) is { } mac)
        {
            doc.Set(path, Mac(mac));
        }
    }

    /// <summary>Writes a MAC address the ECS way: upper case, '-' separated.</summary>
    public static string Mac(string mac) => mac.Replace(':', '-').Replace('.', '-').ToUpperInvariant();

    private static void AddUsers(EcsDocument doc, FieldPath path)
    {
        if (!doc.TryGet(path, out var v))
        {
            return;
        }

        if (v.Array is { } list)
        {
            foreach (var item in list)
            {
                doc.Add(Ecs.RelatedUser, item);
            }
        }
        else
        {
            doc.Add(Ecs.RelatedUser, v.String);
        }
    }

    private static void RemoveUntranslated(EcsDocument doc, FieldPath ip, FieldPath port)
    {
        if (doc.GetString(ip) == "0.0.0.0" && doc.GetLong(port) == 0)
        {
            doc.Remove(ip);
            doc.Remove(port);
        }
    }

    private static void VendorColumns(in PanRecord r, PanLayout layout, TimeZoneInfo zone, EcsDocument doc)
    {
        var paths = layout.Paths;
        var kinds = layout.Kinds;
        var n = Math.Min(paths.Length, r.Count - PanLayouts.First);
        for (var k = 0; k < n; k++)
        {
            if (paths[k] is not { } path)
            {
                continue;
            }

            var col = PanLayouts.First + k;
            switch (kinds[k])
            {
                case PanColumnKind.Number:
                    if (r.TryLong(col, out var number))
                    {
                        doc.Set(path, number);
                    }

                    break;
                case PanColumnKind.Time:
                    if (r.TryTime(col, zone, out var time))
                    {
                        doc.Set(path, time);
                    }

                    break;
                default:
                    doc.Set(path, r.Str(col));
                    break;
            }
        }
    }

    // ---- network sessions (TRAFFIC, THREAT, DECRYPTION share columns 7..30) ----
    private static void Flow(in PanRecord r, EcsDocument doc)
    {
        SetIp(doc, Ecs.SourceIp, r, 7);
        SetIp(doc, Ecs.DestinationIp, r, 8);
        SetIp(doc, Ecs.SourceNatIp, r, 9);
        SetIp(doc, Ecs.DestinationNatIp, r, 10);
        doc.Set(Ecs.RuleName, r.Str(11));
        SplitUser(r.Str(12), doc, Ecs.SourceUserName, Ecs.SourceUserDomain);
        SplitUser(r.Str(13), doc, Ecs.DestinationUserName, Ecs.DestinationUserDomain);
        doc.Set(Ecs.NetworkApplication, Lower(r.Str(14)));
        doc.Set(Ecs.ObserverIngressZone, r.Str(16));
        doc.Set(Ecs.ObserverEgressZone, r.Str(17));
        doc.Set(Ecs.ObserverIngressInterfaceName, r.Str(18));
        doc.Set(Ecs.ObserverEgressInterfaceName, r.Str(19));
        SetLong(doc, Ecs.SourcePort, r, 24);
        SetLong(doc, Ecs.DestinationPort, r, 25);
        SetLong(doc, Ecs.SourceNatPort, r, 26);
        SetLong(doc, Ecs.DestinationNatPort, r, 27);
        if (r.TryFlags(28, out var flags) && flags != 0)
        {
            foreach (var (bit, path) in PanFields.FlagLabels)
            {
                if ((flags & bit) != 0)
                {
                    doc.Set(path, true);
                }
            }
        }

        doc.Set(Ecs.NetworkTransport, Lower(r.Str(29)));
        var action = NormalizeAction(r.Str(30));
        doc.Set(PanFields.Action, action);
        switch (action)
        {
            case "alert" or "allow" or "continue":
                doc.Add(Ecs.EventType, "allowed");
                break;
            case "deny" or "drop" or "reset-client" or "reset-server" or "reset-both" or "block-url" or "block-ip" or
                "random-drop" or "sinkhole" or "block":
                doc.Add(Ecs.EventType, "denied");
                break;
        }
    }

    private static string? NormalizeAction(string? action) => action switch
    {
        "drop icmp" or "drop ICMP" => "drop-icmp",
        "reset both" => "reset-both",
        "reset client" => "reset-client",
        "reset server" => "reset-server",
        _ => action,
    };

    private static void Traffic(in PanRecord r, TimeZoneInfo zone, EcsDocument doc)
    {
        Flow(r, doc);
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "network");
        doc.Set(Ecs.EventOutcome, doc.GetString(PanFields.Action) == "allow" ? "success" : "failure");
        SubTypeAction(r.Raw(SubType), doc);
        SetLong(doc, Ecs.NetworkBytes, r, 31);
        SetLong(doc, Ecs.SourceBytes, r, 32);
        SetLong(doc, Ecs.DestinationBytes, r, 33);
        SetLong(doc, Ecs.NetworkPackets, r, 34);
        var hasStart = r.TryTime(35, zone, out var start);
        if (hasStart)
        {
            doc.Set(Ecs.EventStart, start);
        }

        if (r.TryLong(36, out var elapsed))
        {
            doc.Set(Ecs.EventDuration, elapsed * NanosPerSecond);
            if (hasStart)
            {
                doc.Set(Ecs.EventEnd, start.AddTicks(elapsed * TimeSpan.TicksPerSecond));
            }
        }

        doc.Set(PanFields.SourceGeoName, r.Str(41));
        doc.Set(PanFields.DestinationGeoName, r.Str(42));
        SetLong(doc, Ecs.SourcePackets, r, 44);
        SetLong(doc, Ecs.DestinationPackets, r, 45);
        doc.Set(Ecs.ObserverHostname, r.Str(52));
        doc.Set(Ecs.RuleUuid, r.Str(65));
        Http2(r, 66, doc);
    }

    private static void Http2(in PanRecord r, int col, EcsDocument doc)
    {
        if (r.Has(col) && !r.Is(col, "0"u8))
        {
            doc.Set(PanFields.HttpVersion, "2");
        }
    }

    private static void SubTypeAction(ReadOnlySpan<byte> subType, EcsDocument doc)
    {
        if (subType.SequenceEqual("start"u8))
        {
            doc.Set(Ecs.EventAction, "flow_started");
            doc.Add(Ecs.EventType, "start");
            doc.Add(Ecs.EventType, "connection");
        }
        else if (subType.SequenceEqual("end"u8))
        {
            doc.Set(Ecs.EventAction, "flow_terminated");
            doc.Add(Ecs.EventType, "end");
            doc.Add(Ecs.EventType, "connection");
        }
        else if (subType.SequenceEqual("drop"u8))
        {
            doc.Set(Ecs.EventAction, "flow_dropped");
            doc.Add(Ecs.EventType, "denied");
            doc.Add(Ecs.EventType, "connection");
        }
        else if (subType.SequenceEqual("deny"u8))
        {
            doc.Set(Ecs.EventAction, "flow_denied");
            doc.Add(Ecs.EventType, "denied");
            doc.Add(Ecs.EventType, "connection");
        }
        else
        {
            doc.Set(Ecs.EventAction, ThreatAction(subType));
        }
    }

    private static string? ThreatAction(ReadOnlySpan<byte> s) => s switch
    {
        _ when s.SequenceEqual("data"u8) => "data_match",
        _ when s.SequenceEqual("file"u8) => "file_match",
        _ when s.SequenceEqual("flood"u8) => "flood_detected",
        _ when s.SequenceEqual("packet"u8) => "packet_attack",
        _ when s.SequenceEqual("scan"u8) => "scan_detected",
        _ when s.SequenceEqual("spyware"u8) => "spyware_detected",
        _ when s.SequenceEqual("url"u8) => "url_filtering",
        _ when s.SequenceEqual("virus"u8) => "virus_detected",
        _ when s.SequenceEqual("vulnerability"u8) => "exploit_detected",
        _ when s.SequenceEqual("wildfire"u8) => "wildfire_verdict",
        _ when s.SequenceEqual("wildfire-virus"u8) => "wildfire_virus_detected",
        _ => null,
    };

    private static void Threat(in PanRecord r, EcsDocument doc)
    {
        Flow(r, doc);
        var direction = r.Raw(35);
        doc.Set(Ecs.NetworkDirection,
            direction.SequenceEqual("0"u8) || direction.SequenceEqual("client-to-server"u8) ? "inbound"
            : direction.SequenceEqual("1"u8) || direction.SequenceEqual("server-to-client"u8) ? "outbound"
            : "unknown");
        doc.Set(Ecs.EventKind, "alert");
        doc.Add(Ecs.EventCategory, "intrusion_detection");
        doc.Add(Ecs.EventCategory, "threat");
        doc.Add(Ecs.EventCategory, "network");
        var action = doc.GetString(PanFields.Action);
        doc.Set(Ecs.EventOutcome, action is "alert" or "allow" or "continue" ? "success" : "failure");
        SubTypeAction(r.Raw(SubType), doc);

        var xff = r.Str(48);
        if (xff is not null)
        {
            if (IsIp(r.Raw(48)))
            {
                doc.Set(PanFields.NetworkForwardedIp, xff);
            }
            else
            {
                doc.Set(PanFields.XForwardedFor, xff);
            }
        }

        doc.Set(PanFields.DestinationGeoName, r.Str(39));
        doc.Set(PanFields.SourceGeoName, r.Str(38));
        doc.Set(PanFields.DestinationUserEmail, r.Str(52));
        doc.Set(PanFields.FileType, r.Str(47));
        doc.Set(Ecs.HttpRequestMethod, r.Str(63));
        doc.Set(Ecs.HttpRequestReferrer, r.Str(49));
        doc.Set(Ecs.LogLevel, r.Str(34));
        doc.Set(Ecs.ObserverHostname, r.Str(59));
        doc.Set(Ecs.RuleUuid, r.Str(76));
        doc.Set(PanFields.SourceUserEmail, r.Str(50));
        doc.Set(Ecs.UserAgentOriginal, r.Str(46));
        Http2(r, 77, doc);
        doc.Add(Ecs.RelatedHash, doc.GetString(PanFileHash));

        if (doc.GetString(PanPcapId) == "0")
        {
            doc.Remove(PanPcapId);
        }

        ThreatName(r.Str(32), doc);
        Misc(r.Raw(SubType), r.Str(31), doc);

        var list = doc.GetString(PanUrlCategoryList);
        if (list is not null && list.Contains(',', StringComparison.Ordinal))
        {
            doc.Remove(PanUrlCategoryList);
            foreach (var part in list.Trim().Split(','))
            {
                doc.Add(PanUrlCategoryList, part);
            }
        }
    }

    private static void ThreatName(string? value, EcsDocument doc)
    {
        if (value is null)
        {
            return;
        }

        // "name(id)" or "name ( id )".
        string? name = value;
        string? id = null;
        var trimmed = value.AsSpan().TrimEnd();
        if (trimmed.Length > 2 && trimmed[^1] == ')')
        {
            var open = trimmed.LastIndexOf('(');
            if (open >= 0)
            {
                var inner = trimmed[(open + 1)..^1].Trim();
                if (inner.Length > 0 && IsNumber(inner))
                {
                    id = inner.ToString();
                    name = value[..open];
                }
            }
        }

        if (id is not null)
        {
            doc.Set(PanFields.ThreatId, id);
        }

        doc.Set(PanFields.ThreatName, id == "9999" ? "URL-filtering" : name);
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    // THREAT "misc": a URL for url (and url-like virus/vulnerability) logs, a file name otherwise.
    private static void Misc(ReadOnlySpan<byte> subType, string? misc, EcsDocument doc)
    {
        if (misc is null)
        {
            return;
        }

        var isUrl = subType.SequenceEqual("url"u8);
        var isFile = subType.SequenceEqual("file"u8);
        var isVirus = subType.SequenceEqual("virus"u8);
        var isVuln = subType.SequenceEqual("vulnerability"u8);
        var slash = misc.Contains('/', StringComparison.Ordinal);
        var backslash = misc.Contains('\\', StringComparison.Ordinal);
        var fileName = false;
        if (isFile && (slash || backslash))
        {
            doc.Set(Ecs.FilePath, misc);
            var idx = misc.LastIndexOf('/');
            if (idx < 0)
            {
                idx = misc.LastIndexOf('\\');
            }

            doc.Set(Ecs.FileName, misc[(idx + 1)..]);
            fileName = true;
        }
        else if ((isFile || isVirus || isVuln) && !slash && !backslash)
        {
            doc.Set(Ecs.FileName, misc);
            fileName = true;
        }

        if ((isUrl || ((isVirus || isVuln) && slash)) && !(isVuln && fileName))
        {
            Url(misc, doc);
        }
    }

    private static void Url(string original, EcsDocument doc)
    {
        doc.Set(Ecs.UrlOriginal, original);
        var domainPort = original;
        var slash = original.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            domainPort = original[..slash];
            var after = original[slash..];
            var q = after.IndexOf('?', StringComparison.Ordinal);
            var path = q < 0 ? after : after[..q];
            doc.Set(Ecs.UrlPath, path);
            if (q >= 0)
            {
                doc.Set(Ecs.UrlQuery, after[(q + 1)..]);
            }

            var dot = path.LastIndexOf('.');
            if (dot >= 0)
            {
                doc.Set(PanFields.UrlExtension, path[(dot + 1)..]);
            }
        }
        else
        {
            var q = original.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                domainPort = original[..q];
                doc.Set(Ecs.UrlQuery, original[(q + 1)..]);
            }
        }

        var colon = domainPort.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            doc.Set(Ecs.UrlDomain, domainPort[..colon]);
            var rest = domainPort[(colon + 1)..];
            var next = rest.IndexOf(':', StringComparison.Ordinal);
            if (long.TryParse(next < 0 ? rest : rest[..next], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                doc.Set(PanFields.UrlPort, port);
            }
        }
        else
        {
            doc.Set(Ecs.UrlDomain, domainPort);
            doc.Set(Ecs.DestinationDomain, domainPort);
        }
    }

    private static void Decryption(in PanRecord r, TimeZoneInfo zone, EcsDocument doc)
    {
        Flow(r, doc);
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "network");
        doc.Set(Ecs.EventOutcome, r.Has(64) ? "failure" : "success");
        doc.Set(Ecs.ObserverHostname, r.Str(96));
        doc.Set(Ecs.RuleUuid, r.Str(36));
        var tls = r.Str(39);
        if (tls is not null)
        {
            doc.Set(PanFields.TlsVersion, tls);
            if (tls.Length >= 6)
            {
                doc.Set(PanFields.TlsVersionProtocol, tls[..3].ToLowerInvariant());
                doc.Set(PanFields.TlsVersionNumber, tls[3..6]);
            }
        }

        doc.Set(PanFields.TlsCipher, r.Str(41));
        doc.Set(PanFields.TlsCurve, r.Str(44));
        doc.Set(PanFields.TlsSerialNumber, r.Str(49));
        var hash = r.Str(50);
        if (hash is not null)
        {
            doc.Set(PanFields.Hash, hash);
            var path = hash.Length switch
            {
                32 => PanFields.TlsHashMd5,
                40 => PanFields.TlsHashSha1,
                64 => PanFields.TlsHashSha256,
                _ => null,
            };
            if (path is not null)
            {
                doc.Set(path, hash);
                doc.Add(Ecs.RelatedHash, hash);
            }
        }

        if (r.TryTime(51, zone, out var notBefore))
        {
            doc.Set(PanFields.TlsNotBefore, notBefore);
        }

        if (r.TryTime(52, zone, out var notAfter))
        {
            doc.Set(PanFields.TlsNotAfter, notAfter);
        }

        doc.Set(PanFields.TlsVersionNumberX509, r.Str(53));
        SetLong(doc, PanFields.TlsPublicKeySize, r, 54);
        doc.Add(PanFields.TlsSubjectCommonName, r.Str(60));
        doc.Add(PanFields.TlsIssuerCommonName, r.Str(61));
        doc.Set(PanFields.TlsServerName, r.Str(63));
    }

    private static void Config(in PanRecord r, EcsDocument doc)
    {
        var cmd = r.Raw(9);
        doc.Set(Ecs.EventAction, cmd switch
        {
            _ when cmd.SequenceEqual("add"u8) => "cmd-add",
            _ when cmd.SequenceEqual("clone"u8) => "cmd-clone",
            _ when cmd.SequenceEqual("commit"u8) => "cmd-commit",
            _ when cmd.SequenceEqual("delete"u8) => "cmd-delete",
            _ when cmd.SequenceEqual("edit"u8) => "cmd-edit",
            _ when cmd.SequenceEqual("move"u8) => "cmd-move",
            _ when cmd.SequenceEqual("rename"u8) => "cmd-rename",
            _ when cmd.SequenceEqual("set"u8) => "cmd-set",
            _ => null,
        });
        var result = r.Raw(12);
        doc.Set(Ecs.EventOutcome, result.SequenceEqual("Succeeded"u8) ? "success" : result.SequenceEqual("Failed"u8) ? "failure" : "unknown");
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "configuration");
        if (IsIp(r.Raw(7)))
        {
            doc.Add(Ecs.HostIp, r.Str(7));
        }

        doc.Set(Ecs.ObserverHostname, r.Str(23));
    }

    private static void UserId(in PanRecord r, EcsDocument doc)
    {
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "network");
        doc.Add(Ecs.EventCategory, "iam");
        SetLong(doc, Ecs.DestinationPort, r, 15);
        doc.Set(Ecs.EventCode, r.Str(11));
        doc.Set(Ecs.ObserverHostname, r.Str(25));
        SetIp(doc, Ecs.SourceIp, r, 8);
        SetLong(doc, Ecs.SourcePort, r, 14);
        doc.Set(Ecs.SourceUserName, r.Str(31));
        SplitUser(r.Str(9), doc, Ecs.SourceUserName, Ecs.SourceUserDomain);
    }

    private static void GlobalProtect(in PanRecord r, EcsDocument doc)
    {
        SetIp(doc, Ecs.SourceIp, r, 17);
        var sourceIp = doc.GetString(Ecs.SourceIp);
        if ((sourceIp is null || sourceIp == "0.0.0.0") && r.Has(18) && !r.Is(18, "0.0.0.0"u8))
        {
            SetIp(doc, Ecs.SourceIp, r, 18);
            sourceIp = doc.GetString(Ecs.SourceIp);
        }

        doc.Set(Ecs.HostIp, sourceIp);
        SetIp(doc, Ecs.SourceNatIp, r, 15);
        var natIp = doc.GetString(Ecs.SourceNatIp);
        if ((natIp is null || natIp == "0.0.0.0") && r.Has(16) && !r.Is(16, "0.0.0.0"u8))
        {
            SetIp(doc, Ecs.SourceNatIp, r, 16);
        }

        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "network");
        doc.Set(Ecs.EventCode, r.Str(8));
        if (r.TryLong(30, out var duration))
        {
            doc.Set(Ecs.EventDuration, duration * NanosPerSecond);
        }

        doc.Set(Ecs.EventOutcome, r.Str(28));
        doc.Set(Ecs.EventReason, r.Str(25));
        doc.Set(Ecs.HostId, r.Str(19));
        doc.Set(Ecs.HostName, r.Str(14));
        doc.Set(Ecs.HostOsFamily, r.Str(22));
        doc.Set(PanFields.HostOsFull, r.Str(23));
        doc.Set(PanFields.ObserverGeoName, r.Str(29));
        doc.Set(Ecs.ObserverHostname, r.Str(47));
        var region = r.Str(13);
        doc.Set(PanFields.SourceGeoName, region);
        doc.Set(PanFields.SourceRegion, region);
        doc.Set(PanFields.PublicIpv6, r.Str(16));
        doc.Set(PanFields.PrivateIpv6, r.Str(18));
        SplitUser(r.Str(12), doc, Ecs.SourceUserName, Ecs.SourceUserDomain);
    }

    private static void HipMatch(in PanRecord r, EcsDocument doc)
    {
        SetIp(doc, Ecs.SourceIp, r, 11);
        if (r.Has(26) && !r.Is(26, "0.0.0.0"u8))
        {
            SetIp(doc, Ecs.SourceIp, r, 26);
        }

        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "network");
        doc.Set(Ecs.HostId, r.Str(27));
        var mac = r.Str(29);
        if (mac is not null)
        {
            doc.Set(PanFields.HostMac, Mac(mac));
        }

        doc.Set(Ecs.HostName, r.Str(9)?.ToLowerInvariant());
        doc.Set(PanFields.HostOsFull, r.Str(10));
        doc.Set(Ecs.ObserverHostname, r.Str(24));
        doc.Set(PanFields.SourceIpv6, r.Str(26));
        SplitUser(r.Str(7), doc, Ecs.SourceUserName, Ecs.SourceUserDomain);
    }

    private static void Authentication(in PanRecord r, EcsDocument doc)
    {
        var user = r.Str(9);
        doc.Add(Ecs.SourceUserName, user);
        doc.Add(Ecs.SourceUserName, r.Str(10));
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "authentication");
        doc.Set(Ecs.EventOutcome, "success");
        doc.Set(Ecs.ObserverHostname, r.Str(29));
        doc.Set(Ecs.RuleUuid, r.Str(32));
        SetIp(doc, Ecs.SourceIp, r, 8);
        doc.Set(PanFields.User, user);
        var ua = r.Str(44);
        doc.Set(PanFields.UserAgent, ua);
        doc.Set(Ecs.UserAgentOriginal, ua);
    }

    /// <summary>Splits <c>DOMAIN\user</c>, <c>user@domain</c> or a bare name into name and domain.</summary>
    public static void SplitUser(string? value, EcsDocument doc, FieldPath name, FieldPath domain)
    {
        if (value is null)
        {
            return;
        }

        var backslash = value.IndexOf('\\', StringComparison.Ordinal);
        if (backslash > 0 && backslash < value.Length - 1)
        {
            var user = value[(backslash + 1)..].TrimStart('\\');
            doc.Set(domain, value[..backslash]);
            doc.Set(name, user);
            return;
        }

        var at = value.LastIndexOf('@');
        if (at > 0 && at < value.Length - 1)
        {
            doc.Set(name, value[..at]);
            doc.Set(domain, value[(at + 1)..]);
            return;
        }

        doc.Set(name, value);
    }

    private static string? Lower(string? s)
    {
        if (s is null)
        {
            return null;
        }

        foreach (var c in s)
        {
            if (char.IsUpper(c))
            {
                return s.ToLowerInvariant();
            }
        }

        return s;
    }

    private static void SetLong(EcsDocument doc, FieldPath path, in PanRecord r, int col)
    {
        if (r.TryLong(col, out var v))
        {
            doc.Set(path, v);
        }
    }

    private static void SetIp(EcsDocument doc, FieldPath path, in PanRecord r, int col)
    {
        if (IsIp(r.Raw(col)))
        {
            doc.Set(path, r.Str(col));
        }
    }

    /// <summary>A cheap shape check for an IPv4 or IPv6 literal.</summary>
    public static bool IsIp(ReadOnlySpan<byte> s)
    {
        if (s.Length is < 2 or > 45)
        {
            return false;
        }

        var dots = 0;
        var colons = 0;
        foreach (var c in s)
        {
            if (c == (byte)'.')
            {
                dots++;
            }
            else if (c == (byte)':')
            {
                colons++;
            }
            else if (!((uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 5 || c == (byte)'%'))
            {
                return false;
            }
        }

        return colons >= 2 || (dots == 3 && colons == 0 && IsIpv4(s));
    }

    private static bool IsIpv4(ReadOnlySpan<byte> s)
    {
        foreach (var c in s)
        {
            if (c != (byte)'.' && (uint)(c - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }
}
