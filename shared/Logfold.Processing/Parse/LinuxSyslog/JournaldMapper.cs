using System.Text;
using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// One journald entry as printed by <c>journalctl -o json</c>, mapped like Filebeat's journald input
/// (<c>host.*</c>, <c>process.*</c>, <c>systemd.*</c>, <c>log.syslog.*</c>, <c>journald.*</c>), after which the
/// MESSAGE goes through the same program-specific mapping as a syslog line.
/// </summary>
internal static class JournaldMapper
{
    public static ParseResult Map(ReadOnlySpan<byte> json, EcsDocument doc)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        string? program = null;
        string? comm = null;

        // MESSAGE is usually an unescaped string: keep its place in the input instead of copying it.
        var messageStart = -1;
        var messageLength = 0;
        byte[]? messageCopy = null;
        var sawRealtime = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Fail("invalid_json", "A journald entry must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.HasValueSequence || reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
                reader.Read();
                if (key.SequenceEqual("MESSAGE"u8))
                {
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
                    {
                        messageStart = (int)reader.TokenStartIndex + 1;
                        messageLength = reader.ValueSpan.Length;
                        messageCopy = null;
                    }
                    else
                    {
                        messageCopy = ReadBytes(ref reader);
                        messageStart = -1;
                    }

                    continue;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : null;
                if (text is null)
                {
                    continue;
                }

                switch (Field(key))
                {
                    case Key.Realtime:
                        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var micros) &&
                            micros is > 0 and < 253402300799000000)
                        {
                            doc.Set(Ecs.Timestamp, LinuxSyslogSource.ToMillis(DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000)));
                            sawRealtime = true;
                        }

                        break;
                    case Key.Hostname:
                        doc.Set(Ecs.HostHostname, text);
                        doc.Add(Ecs.RelatedHosts, text);
                        break;
                    case Key.MachineId:
                        doc.Set(Ecs.HostId, text);
                        break;
                    case Key.BootId:
                        doc.Set(SyslogFields.JournaldHostBootId, text);
                        break;
                    case Key.Priority:
                        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var severity) && severity is >= 0 and <= 7)
                        {
                            doc.Set(Ecs.LogSyslogPriority, severity);
                            doc.Set(Ecs.LogSyslogSeverityCode, severity);
                            doc.Set(Ecs.LogSyslogSeverityName, Common.SyslogHeader.SeverityName(severity));
                        }

                        break;
                    case Key.Facility:
                        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var facility) && facility is >= 0 and <= 23)
                        {
                            doc.Set(Ecs.LogSyslogFacilityCode, facility);
                            doc.Set(Ecs.LogSyslogFacilityName, Common.SyslogHeader.FacilityName(facility));
                        }

                        break;
                    case Key.Identifier:
                        doc.Set(Ecs.LogSyslogAppname, text);
                        program = text;
                        break;
                    case Key.SyslogPid:
                        doc.Set(Ecs.LogSyslogProcid, text);
                        break;
                    case Key.Pid:
                        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
                        {
                            doc.Set(Ecs.ProcessPid, pid);
                        }

                        break;
                    case Key.Comm:
                        comm = text;
                        break;
                    case Key.Exe:
                        doc.Set(Ecs.ProcessExecutable, text);
                        break;
                    case Key.Cmdline:
                        doc.Set(Ecs.ProcessCommandLine, text);
                        break;
                    case Key.Uid:
                        SetLong(doc, SyslogFields.JournaldUid, text);
                        break;
                    case Key.Gid:
                        SetLong(doc, SyslogFields.JournaldGid, text);
                        break;
                    case Key.UserSlice:
                        doc.Set(SyslogFields.SystemdUserSlice, text);
                        break;
                    case Key.MessageId:
                        doc.Set(Ecs.EventCode, text);
                        break;
                    case Key.Unit2:
                        doc.Set(SyslogFields.JournaldUnit, text);
                        break;
                    case Key.ContainerId:
                        doc.Set(SyslogFields.ContainerId, text);
                        break;
                    case Key.ContainerName:
                        doc.Set(SyslogFields.ContainerName, text);
                        break;
                    case Key.ContainerImage:
                        doc.Set(SyslogFields.ContainerImageName, text);
                        break;
                    case Key.ContainerTag:
                        doc.Set(SyslogFields.ContainerLogTag, text);
                        break;
                    case Key.Unit:
                        doc.Set(SyslogFields.SystemdUnit, text);
                        break;
                    case Key.UserUnit:
                        doc.Set(SyslogFields.SystemdUserUnit, text);
                        break;
                    case Key.Slice:
                        doc.Set(SyslogFields.SystemdSlice, text);
                        break;
                    case Key.Cgroup:
                        doc.Set(SyslogFields.SystemdCgroup, text);
                        break;
                    case Key.InvocationId:
                        doc.Set(SyslogFields.SystemdInvocationId, text);
                        break;
                    case Key.OwnerUid:
                        SetLong(doc, SyslogFields.SystemdOwnerUid, text);
                        break;
                    case Key.Session:
                        doc.Set(SyslogFields.SystemdSession, text);
                        break;
                    case Key.Transport:
                        doc.Set(SyslogFields.SystemdTransport, text);
                        break;
                    case Key.AuditLoginUid:
                        SetLong(doc, SyslogFields.JournaldAuditLoginUid, text);
                        break;
                    case Key.AuditSession:
                        doc.Set(SyslogFields.JournaldAuditSession, text);
                        break;
                    case Key.CapEffective:
                        doc.Set(SyslogFields.JournaldProcessCapabilities, text);
                        break;
                    case Key.CodeFile:
                        doc.Set(SyslogFields.JournaldCodeFile, text);
                        break;
                    case Key.CodeFunc:
                        doc.Set(SyslogFields.JournaldCodeFunc, text);
                        break;
                    case Key.CodeLine:
                        SetLong(doc, SyslogFields.JournaldCodeLine, text);
                        break;
                    case Key.Ignored:
                        break;
                    default:
                        // Anything else (application fields) is kept like Filebeat's journald.custom, lower-cased
                        // without the leading underscores.
                        doc.Map(SyslogFields.JournaldCustom).Set(CustomName(key), text);
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return ParseResult.Fail("invalid_json", "The journald entry is not one complete JSON object.");
            }
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail("invalid_json", $"The journald entry is not valid JSON: {ex.Message}");
        }

        var hasMessage = messageStart >= 0 || messageCopy is not null;
        if (!sawRealtime && !hasMessage)
        {
            return ParseResult.Fail("missing_field", "The journald entry has neither __REALTIME_TIMESTAMP nor MESSAGE.");
        }

        doc.Set(Ecs.EventKind, "event");
        doc.Set(Ecs.ProcessName, comm ?? program);
        if (hasMessage)
        {
            var message = messageStart >= 0 ? json.Slice(messageStart, messageLength) : messageCopy;
            var trimmed = Utf8Text.TrimWhite(message);
            doc.Set(Ecs.Message, Utf8Text.Str(trimmed));
            var name = program ?? comm;
            Span<byte> nameBytes = stackalloc byte[64];
            var written = name is not null && name.Length <= 16 ? Encoding.UTF8.GetBytes(name, nameBytes) : 0;
            MessageMapper.Map(written > 0 ? nameBytes[..written] : name is null ? default : Encoding.UTF8.GetBytes(name), trimmed, doc);
        }

        return ParseResult.Ok;
    }

    private static void SetLong(EcsDocument doc, FieldPath path, string text)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            doc.Set(path, value);
        }
    }

    // MESSAGE is a string, or an array of byte values when it is not valid UTF-8 text.
    private static byte[]? ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Encoding.UTF8.GetBytes(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var bytes = new List<byte>();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetByte(out var b))
            {
                bytes.Add(b);
            }
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("MESSAGE byte array is not closed.");
        }

        // Keep only what decodes; invalid sequences become U+FFFD.
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes.ToArray()));
    }

    private static string CustomName(ReadOnlySpan<byte> key)
    {
        while (key.Length > 0 && key[0] == (byte)'_')
        {
            key = key[1..];
        }

        return Utf8Text.Lower(key);
    }

    private enum Key
    {
        Other,
        Ignored,
        Realtime,
        Hostname,
        MachineId,
        BootId,
        Priority,
        Facility,
        Identifier,
        SyslogPid,
        Pid,
        Comm,
        Exe,
        Cmdline,
        Uid,
        Gid,
        Unit,
        UserUnit,
        Slice,
        Cgroup,
        InvocationId,
        OwnerUid,
        Session,
        Transport,
        AuditLoginUid,
        AuditSession,
        CapEffective,
        CodeFile,
        CodeFunc,
        CodeLine,
        UserSlice,
        MessageId,
        Unit2,
        ContainerId,
        ContainerName,
        ContainerImage,
        ContainerTag,
    }

    private static Key Field(ReadOnlySpan<byte> k) => k switch
    {
        _ when k.SequenceEqual("__REALTIME_TIMESTAMP"u8) => Key.Realtime,
        _ when k.SequenceEqual("_HOSTNAME"u8) => Key.Hostname,
        _ when k.SequenceEqual("_MACHINE_ID"u8) => Key.MachineId,
        _ when k.SequenceEqual("_BOOT_ID"u8) => Key.BootId,
        _ when k.SequenceEqual("PRIORITY"u8) => Key.Priority,
        _ when k.SequenceEqual("SYSLOG_FACILITY"u8) => Key.Facility,
        _ when k.SequenceEqual("SYSLOG_IDENTIFIER"u8) => Key.Identifier,
        _ when k.SequenceEqual("SYSLOG_PID"u8) => Key.SyslogPid,
        _ when k.SequenceEqual("_PID"u8) => Key.Pid,
        _ when k.SequenceEqual("_COMM"u8) => Key.Comm,
        _ when k.SequenceEqual("_EXE"u8) => Key.Exe,
        _ when k.SequenceEqual("_CMDLINE"u8) => Key.Cmdline,
        _ when k.SequenceEqual("_UID"u8) => Key.Uid,
        _ when k.SequenceEqual("_GID"u8) => Key.Gid,
        _ when k.SequenceEqual("_SYSTEMD_UNIT"u8) => Key.Unit,
        _ when k.SequenceEqual("_SYSTEMD_USER_UNIT"u8) => Key.UserUnit,
        _ when k.SequenceEqual("_SYSTEMD_SLICE"u8) => Key.Slice,
        _ when k.SequenceEqual("_SYSTEMD_CGROUP"u8) => Key.Cgroup,
        _ when k.SequenceEqual("_SYSTEMD_INVOCATION_ID"u8) => Key.InvocationId,
        _ when k.SequenceEqual("_SYSTEMD_OWNER_UID"u8) => Key.OwnerUid,
        _ when k.SequenceEqual("_SYSTEMD_SESSION"u8) => Key.Session,
        _ when k.SequenceEqual("_TRANSPORT"u8) => Key.Transport,
        _ when k.SequenceEqual("_AUDIT_LOGINUID"u8) => Key.AuditLoginUid,
        _ when k.SequenceEqual("_AUDIT_SESSION"u8) => Key.AuditSession,
        _ when k.SequenceEqual("_CAP_EFFECTIVE"u8) => Key.CapEffective,
        _ when k.SequenceEqual("CODE_FILE"u8) => Key.CodeFile,
        _ when k.SequenceEqual("CODE_FUNC"u8) => Key.CodeFunc,
        _ when k.SequenceEqual("CODE_LINE"u8) => Key.CodeLine,
        _ when k.SequenceEqual("_SYSTEMD_USER_SLICE"u8) => Key.UserSlice,
        _ when k.SequenceEqual("MESSAGE_ID"u8) => Key.MessageId,
        _ when k.SequenceEqual("UNIT"u8) => Key.Unit2,
        _ when k.SequenceEqual("CONTAINER_ID_FULL"u8) => Key.ContainerId,
        _ when k.SequenceEqual("CONTAINER_NAME"u8) => Key.ContainerName,
        _ when k.SequenceEqual("IMAGE_NAME"u8) => Key.ContainerImage,
        _ when k.SequenceEqual("CONTAINER_TAG"u8) => Key.ContainerTag,
        _ when k.SequenceEqual("__CURSOR"u8) || k.SequenceEqual("__MONOTONIC_TIMESTAMP"u8) || k.SequenceEqual("_SOURCE_REALTIME_TIMESTAMP"u8) ||
               k.SequenceEqual("_SOURCE_MONOTONIC_TIMESTAMP"u8) || k.SequenceEqual("__SEQNUM"u8) || k.SequenceEqual("__SEQNUM_ID"u8) ||
               k.SequenceEqual("CONTAINER_ID"u8) => Key.Ignored,
        _ => Key.Other,
    };
}
