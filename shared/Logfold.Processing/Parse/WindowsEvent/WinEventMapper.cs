using System.Collections.Frozen;
using System.Globalization;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// Maps a <see cref="WinRecord"/> to ECS the way Elastic's Windows integrations do: the Winlogbeat base fields
/// (<c>winlog.*</c>, <c>event.code</c>, <c>event.provider</c>, <c>event.outcome</c>, <c>log.level</c>), then the
/// <c>system.security</c> pipeline for Security-Auditing/Eventlog events and the
/// <c>windows.sysmon_operational</c> pipeline for Sysmon events.
/// </summary>
internal static class WinEventMapper
{
    private const string SecurityAuditing = "Microsoft-Windows-Security-Auditing";
    private const string Eventlog = "Microsoft-Windows-Eventlog";
    private const string Sysmon = "Microsoft-Windows-Sysmon";
    private const string ServiceControlManager = "Service Control Manager";
    private const ulong AuditSuccessBit = 0x20000000000000;
    private const ulong AuditFailureBit = 0x10000000000000;
    private const ulong ClassicBit = 0x80000000000000;

    private static readonly FrozenSet<long> TargetUserCodes = Codes(4624, 4625, 4634, 4647, 4648, 4768, 4769, 4770, 4771, 4776, 4964);

    private static readonly FrozenSet<long> GroupCodes = Codes(
        4727, 4728, 4729, 4730, 4731, 4732, 4733, 4734, 4735, 4737, 4744, 4745, 4746, 4747, 4748, 4749, 4750, 4751,
        4752, 4753, 4754, 4755, 4756, 4757, 4758, 4759, 4760, 4761, 4762, 4763, 4764, 4799);

    private static readonly FrozenSet<long> SubjectCodes = Codes(
        4657, 4670, 4672, 4673, 4674, 4688, 4689, 4697, 4698, 4699, 4700, 4701, 4702, 4706, 4707, 4713, 4716, 4717,
        4718, 4719, 4720, 4722, 4723, 4724, 4725, 4726, 4727, 4728, 4729, 4730, 4731, 4732, 4733, 4734, 4735, 4737,
        4738, 4739, 4740, 4741, 4742, 4743, 4744, 4745, 4746, 4747, 4748, 4749, 4750, 4751, 4752, 4753, 4754, 4755,
        4756, 4757, 4758, 4759, 4760, 4761, 4762, 4763, 4764, 4767, 4781, 4798, 4799, 4817, 4904, 4905, 4907, 4912,
        4648, 5140, 5145);

    private static readonly FrozenSet<long> TargetToTargetCodes = Codes(4670, 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4798, 4817, 4907);

    private static readonly FrozenSet<long> CommonAuthCodes = Codes(
        1100, 1102, 1104, 1105, 1108, 4624, 4648, 4625, 4670, 4673, 4674, 4689, 4697, 4719, 4720, 4722, 4723, 4724,
        4725, 4726, 4727, 4728, 4729, 4730, 4731, 4732, 4733, 4734, 4735, 4737, 4738, 4740, 4741, 4742, 4743, 4744,
        4745, 4746, 4747, 4748, 4749, 4750, 4751, 4752, 4753, 4754, 4755, 4756, 4757, 4758, 4759, 4760, 4761, 4762,
        4763, 4764, 4767, 4768, 4769, 4770, 4771, 4798, 4799, 4817, 4904, 4905, 4907, 4912, 5140, 5145);

    private static readonly FrozenSet<long> RelatedTargetCodes = Codes(4688, 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4798);

    private static FrozenSet<long> Codes(params long[] codes) => codes.ToFrozenSet();

    public static void Map(WinRecord rec, NormalizeContext context, EcsDocument doc)
    {
        var id = rec.EventId!.Value;
        var provider = rec.ProviderName;
        var isSecurity = provider is SecurityAuditing or Eventlog;
        var isSysmon = string.Equals(provider, Sysmon, StringComparison.Ordinal) ||
                       string.Equals(rec.Channel, "Microsoft-Windows-Sysmon/Operational", StringComparison.Ordinal);
        WinEventClass? klass = null;
        if (isSecurity)
        {
            WinEventTables.Security.TryGetValue(id, out klass);
        }
        else if (isSysmon)
        {
            WinEventTables.Sysmon.TryGetValue(id, out klass);
        }
        else if (string.Equals(provider, ServiceControlManager, StringComparison.Ordinal))
        {
            WinEventTables.ServiceControlManager.TryGetValue(id, out klass);
        }

        var code = klass?.Code ?? id.ToString(CultureInfo.InvariantCulture);
        MapBase(rec, code, isSysmon, doc);
        if (klass is not null)
        {
            foreach (var c in klass.Categories)
            {
                doc.Add(Ecs.EventCategory, c);
            }

            foreach (var t in klass.Types)
            {
                doc.Add(Ecs.EventType, t);
            }

            doc.Set(Ecs.EventAction, klass.Action);
        }

        if (isSysmon)
        {
            MapSysmon(rec, id, doc);
        }
        else if (isSecurity)
        {
            MapSecurity(rec, id, doc);
        }
        else if (string.Equals(provider, ServiceControlManager, StringComparison.Ordinal))
        {
            MapServiceControlManager(rec, doc);
        }

        var sourceIp = doc.GetString(Ecs.SourceIp);
        if (sourceIp is not null && sourceIp.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && sourceIp.IndexOf('.', StringComparison.Ordinal) > 0)
        {
            sourceIp = sourceIp[7..];
            doc.Set(Ecs.SourceIp, sourceIp);
        }

        if (sourceIp is not null)
        {
            doc.Add(Ecs.RelatedIp, sourceIp);
        }

        _ = context;
    }

    private static void MapBase(WinRecord rec, string code, bool isSysmon, EcsDocument doc)
    {
        // @timestamp: Sysmon's own UtcTime, else the record's creation time, else when the collector got it.
        DateTimeOffset? ts = null;
        if (isSysmon && rec.Get("UtcTime") is { } utc && WinText.TryParseTime(utc, TimeZoneInfo.Utc, out var u))
        {
            ts = u;
        }

        ts ??= rec.TimeCreated ?? rec.ReceivedTime;
        if (ts is { } t)
        {
            doc.Set(Ecs.Timestamp, t);
        }

        doc.Set(Ecs.EventKind, "event");
        doc.Set(Ecs.EventCode, code);
        doc.Set(Ecs.EventProvider, rec.ProviderName);
        SetModule(rec, isSysmon, doc);

        if (rec.Keywords.Count == 0 && rec.KeywordsMask is { } mask)
        {
            if ((mask & AuditSuccessBit) != 0)
            {
                rec.Keywords.Add("Audit Success");
            }

            if ((mask & AuditFailureBit) != 0)
            {
                rec.Keywords.Add("Audit Failure");
            }

            if ((mask & ClassicBit) != 0)
            {
                rec.Keywords.Add("Classic");
            }
        }

        var outcome = Outcome(rec);
        doc.Set(Ecs.EventOutcome, outcome);
        var level = Level(rec);
        doc.Set(Ecs.LogLevel, level);
        doc.Set(Ecs.HostName, rec.Layout == WinLayout.Winlogbeat ? rec.HostName ?? rec.Computer : rec.Computer ?? rec.HostName);
        doc.Set(Ecs.Message, rec.Message);

        doc.Set(WinFields.EventId, code);
        doc.Set(WinFields.ProviderName, rec.ProviderName);
        doc.Set(WinFields.ProviderGuid, rec.ProviderGuid);
        doc.Set(WinFields.ComputerName, rec.Computer);
        doc.Set(WinFields.Channel, rec.Channel);
        if (rec.RecordId is { } rid)
        {
            doc.Set(WinFields.RecordId, rid.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var k in rec.Keywords)
        {
            doc.Add(WinFields.Keywords, k);
        }

        doc.Set(WinFields.Level, level);
        // Winlogbeat renders opcode 0 as "Info" and Security task numbers as their audit subcategory names.
        doc.Set(WinFields.Opcode, rec.Opcode == "0" ? "Info" : rec.Opcode);
        doc.Set(WinFields.Task, rec.Task is not null && WinEventTables.SecurityTasks.TryGetValue(rec.Task, out var taskName) &&
            rec.ProviderName is SecurityAuditing ? taskName : rec.Task);
        if (rec.Version is { } version)
        {
            doc.Set(WinFields.Version, version);
        }

        if (rec.TimeCreated is { } created)
        {
            doc.Set(WinFields.TimeCreated, created);
        }

        doc.Set(WinFields.ActivityId, rec.ActivityId);
        doc.Set(WinFields.RelatedActivityId, rec.RelatedActivityId);
        doc.Set(WinFields.Outcome, outcome);
        if (rec.ProcessId is { } pid)
        {
            doc.Set(WinFields.ProcessPid, pid);
        }

        if (rec.ThreadId is { } tid)
        {
            doc.Set(WinFields.ProcessThreadId, tid);
        }

        doc.Set(WinFields.UserIdentifier, rec.UserSid);
        doc.Set(WinFields.UserName, rec.UserName);
        doc.Set(WinFields.UserDomain, rec.UserDomain);
        doc.Set(WinFields.UserType, rec.UserType);

        if (rec.Data.Count > 0)
        {
            var map = doc.Map(rec.DataIsUserData ? WinFields.UserData : WinFields.EventData);

            // Elastic splits the privilege list of these Security events into an array.
            var splitPrivileges = !isSysmon && rec.EventId is 4672 or 4673 or 4674 or 4741 or 4742 or 4743;
            foreach (var kv in rec.Data)
            {
                // Sysmon's pipeline drops empty values, dashes and the all-zero GUID; Security keeps them.
                if (isSysmon && (kv.Value.Length == 0 || kv.Value == "-" || kv.Value == "{00000000-0000-0000-0000-000000000000}"))
                {
                    continue;
                }

                if (splitPrivileges && kv.Key == "PrivilegeList" && kv.Value != "-")
                {
                    map.Set(kv.Key, FieldValue.OfArray(SplitWhitespace(kv.Value)));
                    continue;
                }

                map.Set(kv.Key, FieldValue.Of(kv.Value));
            }
        }
    }

    private static void SetModule(WinRecord rec, bool isSysmon, EcsDocument doc)
    {
        string? module = null;
        string? dataset = null;
        if (isSysmon)
        {
            (module, dataset) = ("windows", "windows.sysmon_operational");
        }
        else
        {
            switch (rec.Channel)
            {
                case "Security":
                    (module, dataset) = ("system", "system.security");
                    break;
                case "System":
                    (module, dataset) = ("system", "system.system");
                    break;
                case "Application":
                    (module, dataset) = ("system", "system.application");
                    break;
                case "Windows PowerShell":
                    (module, dataset) = ("windows", "windows.powershell");
                    break;
                case "Microsoft-Windows-PowerShell/Operational":
                    (module, dataset) = ("windows", "windows.powershell_operational");
                    break;
            }
        }

        doc.Set(Ecs.EventModule, module);
        doc.Set(Ecs.EventDataset, dataset);
    }

    private static string? Outcome(WinRecord rec)
    {
        if (rec.Outcome is { Length: > 0 } o)
        {
            return o switch
            {
                "success" or "Success" => "success",
                "failure" or "Failure" => "failure",
                _ => o,
            };
        }

        foreach (var k in rec.Keywords)
        {
            if (k == "Audit Success")
            {
                return "success";
            }

            if (k == "Audit Failure")
            {
                return "failure";
            }
        }

        return rec.EventType switch
        {
            "AUDIT_SUCCESS" => "success",
            "AUDIT_FAILURE" => "failure",
            _ => null,
        };
    }

    private static string? Level(WinRecord rec)
    {
        // NXLog rates audit failures as ERROR; the event itself is logged at level 0 (information).
        if (rec.LevelValue is null && rec.EventType is "AUDIT_SUCCESS" or "AUDIT_FAILURE")
        {
            return "information";
        }

        if (rec.LevelText is { Length: > 0 } text)
        {
            return text switch
            {
                "Information" or "information" or "Informational" => "information",
                "Warning" or "warning" => "warning",
                "Error" or "error" => "error",
                "Critical" or "critical" => "critical",
                "Verbose" or "verbose" => "verbose",
                _ => text.ToLowerInvariant(),
            };
        }

        return rec.LevelValue is { } v ? WinEventTables.LevelName(v) : null;
    }

    // ---- system.security ----------------------------------------------------------------------------------

    private static void MapSecurity(WinRecord rec, long id, EcsDocument doc)
    {
        if (rec.Get("LogonType") is { } lt && WinEventTables.LogonTypes.TryGetValue(lt, out var logonType))
        {
            doc.Set(WinFields.LogonType, logonType);
        }

        if (rec.Get("FailureReason") is { Length: > 2 } fr && WinEventTables.FailureReasons.TryGetValue(fr.Replace("%%", string.Empty, StringComparison.Ordinal), out var reason))
        {
            doc.Set(WinFields.LogonFailureReason, reason);
        }

        if (id is 4625 or 4776)
        {
            if (rec.Get("Status") is { } status && WinEventTables.LogonStatus.TryGetValue(status, out var st))
            {
                doc.Set(WinFields.LogonFailureStatus, st);
            }

            if (rec.Get("SubStatus") is { } sub && WinEventTables.LogonStatus.TryGetValue(sub, out var ss))
            {
                doc.Set(WinFields.LogonFailureSubStatus, ss);
            }
        }

        if (id is 4778 or 4779)
        {
            if (Value(rec.Get("AccountName")) is { } an)
            {
                doc.Set(Ecs.UserName, an);
                doc.Add(Ecs.RelatedUser, an);
            }

            doc.Set(Ecs.UserDomain, Value(rec.Get("AccountDomain")));
            if (Value(rec.Get("ClientAddress")) is { } ca)
            {
                doc.Set(Ecs.SourceIp, ca);
            }

            doc.Set(WinFields.SourceDomain, Value(rec.Get("ClientName")));
            doc.Set(WinFields.LogonId, Value(rec.Get("LogonID")));
        }

        if (TargetUserCodes.Contains(id))
        {
            CopyTargetUser(rec, doc);
        }

        if (GroupCodes.Contains(id))
        {
            CopyMemberAndGroup(rec, doc);
        }

        if (id is 4741 or 4742 or 4743)
        {
            doc.Set(WinFields.ComputerObjectId, Value(rec.Get("TargetSid")));
            doc.Set(WinFields.ComputerObjectName, Value(rec.Get("TargetUserName")));
            doc.Set(WinFields.ComputerObjectDomain, Value(rec.Get("TargetDomainName")));
        }

        if (id is 4634 or 4647 or 4964)
        {
            doc.Set(WinFields.LogonId, Value(rec.Get("TargetLogonId")));
        }

        if (SubjectCodes.Contains(id))
        {
            CopySubject(rec, doc);
        }

        if (TargetToTargetCodes.Contains(id))
        {
            var sid = Value(rec.Get("TargetSid"));
            doc.Set(Ecs.UserTargetId, sid);
            if (AccountName(rec.Get("TargetUserName")) is { } tn)
            {
                doc.Set(Ecs.UserTargetName, tn);
                doc.Add(Ecs.RelatedUser, tn);
            }

            doc.Set(Ecs.UserTargetDomain, Value(rec.Get("TargetDomainName")));
        }

        if (id is 4648 or 4688)
        {
            doc.Set(Ecs.UserEffectiveId, Value(rec.Get("TargetUserSid")));
            if (AccountName(rec.Get("TargetUserName")) is { } en)
            {
                doc.Set(Ecs.UserEffectiveName, en);
                doc.Add(Ecs.RelatedUser, en);
            }

            doc.Set(Ecs.UserEffectiveDomain, Value(rec.Get("TargetDomainName")));
        }

        if (id == 1102 && rec.DataIsUserData)
        {
            CopySubject(rec, doc);
        }

        if (Value(rec.Get("SubjectLogonId")) is { } subjectLogon)
        {
            doc.Set(WinFields.LogonId, subjectLogon);
        }

        if (CommonAuthCodes.Contains(id))
        {
            CommonAuth(rec, doc);
        }

        if (id == 4688)
        {
            NewProcess(rec, doc);
        }

        if (id is 4624 or 4648 && Value(rec.Get("SubjectUserName")) is { } subjectName)
        {
            doc.Add(Ecs.RelatedUser, subjectName);
        }

        if (RelatedTargetCodes.Contains(id) && Value(rec.Get("TargetUserName")) is { } targetName)
        {
            doc.Add(Ecs.RelatedUser, targetName);
        }

        if (Value(rec.Get("OldTargetUserName")) is { } oldName)
        {
            doc.Set(Ecs.UserTargetName, oldName);
            doc.Add(Ecs.RelatedUser, oldName);
        }

        if (Value(rec.Get("NewTargetUserName")) is { } newName)
        {
            doc.Set(Ecs.UserChangesName, newName);
            doc.Add(Ecs.RelatedUser, newName);
        }

        if (Value(rec.Get("ServiceName")) is { } service)
        {
            doc.Set(WinFields.ServiceName, service);
        }

        if (rec.Get("ServiceType") is { } serviceType && WinEventTables.ServiceTypes.TryGetValue(serviceType, out var serviceTypeName))
        {
            doc.Set(WinFields.ServiceType, serviceTypeName);
        }
    }

    private static void CopyTargetUser(WinRecord rec, EcsDocument doc)
    {
        var sid = Value(rec.Get("TargetUserSid")) ?? Value(rec.Get("TargetSid"));
        if (sid is not null)
        {
            doc.Set(doc.Has(Ecs.UserId) ? Ecs.UserTargetId : Ecs.UserId, sid);
        }

        if (AccountName(rec.Get("TargetUserName")) is { } name)
        {
            doc.Set(doc.Has(Ecs.UserName) ? Ecs.UserTargetName : Ecs.UserName, name);
            doc.Add(Ecs.RelatedUser, name);
        }

        if (Value(rec.Get("TargetDomainName")) is { } domain)
        {
            doc.Set(doc.Has(Ecs.UserDomain) ? Ecs.UserTargetDomain : Ecs.UserDomain, domain);
        }
    }

    private static void CopySubject(WinRecord rec, EcsDocument doc)
    {
        if (Value(rec.Get("SubjectUserSid")) is { } sid)
        {
            doc.Set(Ecs.UserId, sid);
        }

        if (Value(rec.Get("SubjectUserName")) is { } name)
        {
            doc.Set(Ecs.UserName, name);
            doc.Add(Ecs.RelatedUser, name);
        }

        if (Value(rec.Get("SubjectDomainName")) is { } domain)
        {
            doc.Set(Ecs.UserDomain, domain);
        }
    }

    private static void CopyMemberAndGroup(WinRecord rec, EcsDocument doc)
    {
        if (Value(rec.Get("MemberName")) is { } member)
        {
            // CN=Alice Smith,OU=Staff,DC=corp,DC=example → "Alice Smith", domain from the fourth RDN.
            var first = member;
            var comma = member.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0)
            {
                first = member[..comma];
            }

            var memberName = first.Replace("CN=", string.Empty, StringComparison.Ordinal).Replace("cn=", string.Empty, StringComparison.Ordinal);
            doc.Set(Ecs.UserTargetName, memberName);
            doc.Add(Ecs.RelatedUser, memberName);
            var parts = member.Split(',');
            if (parts.Length >= 4)
            {
                doc.Set(Ecs.UserTargetDomain, parts[3].Replace("DC=", string.Empty, StringComparison.Ordinal).Replace("dc=", string.Empty, StringComparison.Ordinal));
            }
        }

        if (Value(rec.Get("MemberSid")) is { } memberSid)
        {
            doc.Set(Ecs.UserTargetId, memberSid);
        }

        var groupId = Value(rec.Get("TargetSid")) ?? Value(rec.Get("TargetUserSid"));
        var groupName = Value(rec.Get("TargetUserName"));
        var groupDomain = Value(rec.Get("TargetDomainName"))?.Replace("DC=", string.Empty, StringComparison.Ordinal).Replace("dc=", string.Empty, StringComparison.Ordinal);
        doc.Set(Ecs.GroupId, groupId);
        doc.Set(Ecs.GroupName, groupName);
        doc.Set(Ecs.GroupDomain, groupDomain);
        if (doc.Has(Ecs.UserTargetName) || doc.Has(Ecs.UserTargetId))
        {
            doc.Set(Ecs.UserTargetGroupId, groupId);
            doc.Set(Ecs.UserTargetGroupName, groupName);
            doc.Set(Ecs.UserTargetGroupDomain, groupDomain);
        }
    }

    private static void CommonAuth(WinRecord rec, EcsDocument doc)
    {
        if (Value(rec.Get("ProcessId")) is { } p && WinText.TryParseLong(p, out var pid))
        {
            doc.Set(Ecs.ProcessPid, pid);
        }

        if (Value(rec.Get("ProcessName")) is { } exe)
        {
            doc.Set(Ecs.ProcessExecutable, exe);
            doc.Set(Ecs.ProcessName, WinText.BaseName(exe));
        }

        if (Value(rec.Get("IpAddress")) is { } ip)
        {
            doc.Set(Ecs.SourceIp, ip);
        }

        if (Value(rec.Get("IpPort")) is { } port && WinText.TryParseLong(port, out var portNumber) && portNumber is >= 0 and <= 65535)
        {
            doc.Set(Ecs.SourcePort, portNumber);
        }

        doc.Set(WinFields.SourceDomain, Value(rec.Get("WorkstationName")));
        if (Value(rec.Get("ClientAddress")) is { } client)
        {
            doc.Add(Ecs.RelatedIp, client);
        }
    }

    private static void NewProcess(WinRecord rec, EcsDocument doc)
    {
        if (Value(rec.Get("NewProcessId")) is { } np && WinText.TryParseLong(np, out var pid))
        {
            doc.Set(Ecs.ProcessPid, pid);
        }

        if (Value(rec.Get("NewProcessName")) is { } exe)
        {
            doc.Set(Ecs.ProcessExecutable, exe);
            doc.Set(Ecs.ProcessName, WinText.BaseName(exe));
        }

        if (Value(rec.Get("ParentProcessName")) is { } parent)
        {
            doc.Set(Ecs.ProcessParentExecutable, parent);
            doc.Set(Ecs.ProcessParentName, WinText.BaseName(parent));
        }

        if (Value(rec.Get("ProcessId")) is { } pp && WinText.TryParseLong(pp, out var ppid))
        {
            doc.Set(Ecs.ProcessParentPid, ppid);
        }

        if (rec.Get("CommandLine") is { Length: > 0 } cmd)
        {
            doc.Set(Ecs.ProcessCommandLine, cmd);
            SplitSimple(cmd, Ecs.ProcessArgs, doc);
        }
    }

    // ---- Service Control Manager (System channel) ---------------------------------------------------------

    private static void MapServiceControlManager(WinRecord rec, EcsDocument doc)
    {
        doc.Set(WinFields.ServiceName, Value(rec.Get("ServiceName")) ?? Value(rec.Get("param1")));
        doc.Set(Ecs.UserId, rec.UserSid);
        if (Value(rec.Get("ImagePath")) is { } image)
        {
            doc.Set(Ecs.FilePath, image);
        }
    }

    // ---- windows.sysmon_operational -------------------------------------------------------------------------

    private static void MapSysmon(WinRecord rec, long id, EcsDocument doc)
    {
        if (id == 255 && Value(rec.Get("ID")) is { } errorCode)
        {
            doc.Set(Ecs.ErrorCode, errorCode);
        }

        if (Value(rec.Get("RuleName")) is { } rule)
        {
            doc.Set(Ecs.RuleName, rule);
        }

        var hashes = Value(rec.Get("Hashes")) ?? Value(rec.Get("Hash"));
        if (hashes is not null)
        {
            var processHashes = id is 1 or 23 or 24 or 25;
            var fileHashes = id is 6 or 7 or 15 or 26 or 29;
            Hashes(hashes, processHashes, fileHashes, doc);
        }

        // Process fields: renames keep the first present source; conversions (pids) keep the last.
        SetIf(doc, Ecs.ProcessEntityId, rec, "ProcessGuid", "SourceProcessGuid", "SourceProcessGUID");
        SetLongIf(doc, Ecs.ProcessPid, rec, "ProcessId", "SourceProcessId");
        SetLongIf(doc, Ecs.ProcessThreadId, rec, "SourceThreadId");
        SetIf(doc, Ecs.ProcessExecutable, rec, "Image", "SourceImage", "Destination");
        SetIf(doc, Ecs.ProcessCommandLine, rec, "CommandLine");
        SetIf(doc, Ecs.ProcessWorkingDirectory, rec, "CurrentDirectory");
        SetIf(doc, Ecs.ProcessParentEntityId, rec, "ParentProcessGuid");
        SetLongIf(doc, Ecs.ProcessParentPid, rec, "ParentProcessId");
        SetIf(doc, Ecs.ProcessParentExecutable, rec, "ParentImage");
        SetIf(doc, Ecs.ProcessParentCommandLine, rec, "ParentCommandLine");
        if (id != 7)
        {
            SetIf(doc, WinFields.ProcessPeOriginalFileName, rec, "OriginalFileName");
            SetIf(doc, WinFields.ProcessPeCompany, rec, "Company");
            SetIf(doc, WinFields.ProcessPeDescription, rec, "Description");
            SetIf(doc, WinFields.ProcessPeFileVersion, rec, "FileVersion");
            SetIf(doc, WinFields.ProcessPeProduct, rec, "Product");
        }

        if (doc.GetString(Ecs.ProcessCommandLine) is { } cmd)
        {
            var n = SplitArgv(cmd, Ecs.ProcessArgs, doc);
            doc.Set(WinFields.ProcessArgsCount, n);
        }

        if (doc.GetString(Ecs.ProcessParentCommandLine) is { } parentCmd)
        {
            var n = SplitArgv(parentCmd, WinFields.ProcessParentArgs, doc);
            doc.Set(WinFields.ProcessParentArgsCount, n);
        }

        if (doc.GetString(Ecs.ProcessExecutable) is { Length: > 1 } exe && exe.Contains('\\', StringComparison.Ordinal))
        {
            doc.Set(Ecs.ProcessName, WinText.BaseName(exe));
        }

        if (doc.GetString(Ecs.ProcessParentExecutable) is { Length: > 1 } pexe && pexe.Contains('\\', StringComparison.Ordinal))
        {
            doc.Set(Ecs.ProcessParentName, WinText.BaseName(pexe));
        }

        // File fields.
        SetIf(doc, Ecs.FilePath, rec, "TargetFilename", "Device", "ImageLoaded");
        SetIf(doc, Ecs.FileName, rec, "PipeName");
        SetIf(doc, WinFields.FileCodeSignatureSubjectName, rec, "Signature");
        SetIf(doc, WinFields.FileCodeSignatureStatus, rec, "SignatureStatus");
        if (id == 7)
        {
            SetIf(doc, WinFields.FilePeOriginalFileName, rec, "OriginalFileName");
            SetIf(doc, WinFields.FilePeCompany, rec, "Company");
            SetIf(doc, WinFields.FilePeDescription, rec, "Description");
            SetIf(doc, WinFields.FilePeFileVersion, rec, "FileVersion");
            SetIf(doc, WinFields.FilePeProduct, rec, "Product");
        }

        if (rec.Get("Signed") == "true")
        {
            doc.Set(WinFields.FileCodeSignatureSigned, true);
        }

        if (rec.Get("SignatureStatus") == "Valid")
        {
            doc.Set(WinFields.FileCodeSignatureValid, true);
        }

        if (doc.GetString(Ecs.FilePath) is { Length: > 1 } path)
        {
            var slash = path.LastIndexOf('\\');
            if (slash > -1)
            {
                doc.Set(Ecs.FileName, path[(slash + 1)..]);
                doc.Set(WinFields.FileDirectory, path[..slash]);
                var dot = path.LastIndexOf('.');
                if (dot > -1 && dot + 1 < path.Length)
                {
                    doc.Set(WinFields.FileExtension, path[(dot + 1)..]);
                }
            }
        }

        // Registry fields (12, 13, 14).
        if (id is 12 or 13 or 14 && Value(rec.Get("TargetObject")) is { } target)
        {
            Registry(target, Value(rec.Get("Details")), doc);
        }

        // Network fields.
        SetIf(doc, Ecs.NetworkTransport, rec, "Protocol");
        if (id == 22)
        {
            doc.Set(Ecs.NetworkProtocol, "dns");
        }
        else
        {
            SetIf(doc, Ecs.NetworkProtocol, rec, "DestinationPortName", "SourcePortName");
        }

        SetIf(doc, Ecs.SourceIp, rec, "SourceIp");
        SetIf(doc, WinFields.SourceDomain, rec, "SourceHostname");
        SetLongIf(doc, Ecs.SourcePort, rec, "SourcePort");
        SetIf(doc, Ecs.DestinationIp, rec, "DestinationIp");
        SetIf(doc, WinFields.DestinationDomain, rec, "DestinationHostname");
        SetLongIf(doc, Ecs.DestinationPort, rec, "DestinationPort");
        SetIf(doc, Ecs.DnsQuestionName, rec, "QueryName");
        switch (rec.Get("Initiated"))
        {
            case "true":
                doc.Set(Ecs.NetworkDirection, "egress");
                break;
            case "false":
                doc.Set(Ecs.NetworkDirection, "ingress");
                break;
        }

        switch (rec.Get("SourceIsIpv6"))
        {
            case "false":
                doc.Set(Ecs.NetworkType, "ipv4");
                break;
            case "true":
                doc.Set(Ecs.NetworkType, "ipv6");
                break;
        }

        if (doc.GetString(Ecs.DnsQuestionName) is { } question)
        {
            doc.Add(Ecs.RelatedHosts, question);
        }

        // User fields.
        doc.Set(Ecs.UserId, rec.UserSid);
        if (Value(rec.Get("User")) is { } user)
        {
            var bs = user.IndexOf('\\', StringComparison.Ordinal);
            if (bs > 0 && bs < user.Length - 1 && user.IndexOf('\\', bs + 1) < 0)
            {
                doc.Set(Ecs.UserDomain, user[..bs]);
                doc.Set(Ecs.UserName, user[(bs + 1)..]);
            }
        }

        if (doc.GetString(Ecs.UserName) is { } userName)
        {
            doc.Add(Ecs.RelatedUser, userName);
        }

        if (doc.GetString(Ecs.DestinationIp) is { } dip)
        {
            doc.Add(Ecs.RelatedIp, dip);
        }
    }

    private static void Registry(string path, string? details, EcsDocument doc)
    {
        doc.Set(WinFields.RegistryPath, path);
        var first = path.IndexOf('\\', StringComparison.Ordinal);
        var hive = RegistryHive(first < 0 ? path : path[..first]);
        if (hive is not null)
        {
            doc.Set(WinFields.RegistryHive, hive);
            if (first >= 0 && first + 1 < path.Length)
            {
                doc.Set(WinFields.RegistryKey, path[(first + 1)..]);
            }
        }

        var last = path.LastIndexOf('\\');
        doc.Set(WinFields.RegistryValue, last >= 0 ? path[(last + 1)..] : path);
        if (details is null)
        {
            return;
        }

        // "DWORD (0x0000006c)", "QWORD (0x00000000-0x00000001)", "Binary Data", or a string value.
        string data;
        string type;
        if (TryHexInParens(details, "DWORD (", out var dword, out _))
        {
            (data, type) = (dword.ToString(CultureInfo.InvariantCulture), "SZ_DWORD");
        }
        else if (TryHexInParens(details, "QWORD (", out var high, out var low))
        {
            // Elastic combines the halves as (high << 8) + low; kept for agreement with its output.
            (data, type) = (((high << 8) + low).ToString(CultureInfo.InvariantCulture), "SZ_QWORD");
        }
        else if (details == "Binary Data")
        {
            (data, type) = (details, "REG_BINARY");
        }
        else
        {
            (data, type) = (details, "REG_SZ");
        }

        doc.Add(WinFields.RegistryDataStrings, data);
        doc.Set(WinFields.RegistryDataType, type);
    }

    private static string? RegistryHive(string root) => root.ToUpperInvariant() switch
    {
        "HKEY_CLASSES_ROOT" or "HKCR" => "HKCR",
        "HKEY_CURRENT_CONFIG" or "HKCC" => "HKCC",
        "HKEY_CURRENT_USER" or "HKCU" => "HKCU",
        "HKEY_DYN_DATA" or "HKDD" => "HKDD",
        "HKEY_LOCAL_MACHINE" or "HKLM" => "HKLM",
        "HKEY_PERFORMANCE_DATA" or "HKPD" => "HKPD",
        "HKEY_USERS" or "HKU" => "HKU",
        _ => null,
    };

    // Parses "PREFIX0xXXXXXXXX)" (one value) or "PREFIX0xXXXXXXXX-0xXXXXXXXX)" (two values).
    private static bool TryHexInParens(string s, string prefix, out long first, out long second)
    {
        first = 0;
        second = 0;
        if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !s.EndsWith(')'))
        {
            return false;
        }

        var body = s.AsSpan(prefix.Length, s.Length - prefix.Length - 1);
        var dash = body.IndexOf('-');
        if (dash < 0)
        {
            return prefix[0] == 'D' && body.Length == 10 && WinText.TryParseLong(body, out first);
        }

        return prefix[0] == 'Q' && dash == 10 && body.Length == 21 &&
               WinText.TryParseLong(body[..dash], out first) && WinText.TryParseLong(body[(dash + 1)..], out second);
    }

    private static void Hashes(string hashes, bool processHashes, bool fileHashes, EcsDocument doc)
    {
        // SHA1=...,MD5=...,SHA256=...,IMPHASH=...
        foreach (var part in hashes.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
            {
                continue;
            }

            var value = part[(eq + 1)..].Trim().ToLowerInvariant();
            if (value.AsSpan().TrimStart('0').IsEmpty)
            {
                continue;
            }

            doc.Add(Ecs.RelatedHash, value);
            var key = part[..eq].Trim();
            FieldPath? target = null;
            if (key.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            {
                target = processHashes ? Ecs.ProcessHashMd5 : fileHashes ? Ecs.FileHashMd5 : null;
            }
            else if (key.Equals("SHA1", StringComparison.OrdinalIgnoreCase))
            {
                target = processHashes ? Ecs.ProcessHashSha1 : fileHashes ? Ecs.FileHashSha1 : null;
            }
            else if (key.Equals("SHA256", StringComparison.OrdinalIgnoreCase))
            {
                target = processHashes ? Ecs.ProcessHashSha256 : fileHashes ? Ecs.FileHashSha256 : null;
            }
            else if (key.Equals("IMPHASH", StringComparison.OrdinalIgnoreCase))
            {
                target = processHashes ? WinFields.ProcessPeImphash : fileHashes ? WinFields.FilePeImphash : null;
            }

            if (target is not null)
            {
                doc.Set(target, value);
            }
        }
    }

    private static void SetIf(EcsDocument doc, FieldPath path, WinRecord rec, string a, string? b = null, string? c = null)
    {
        // The first present name wins, as Elastic's rename processors do (a rename onto an existing field fails).
        var v = Value(rec.Get(a));
        if (v is null && b is not null)
        {
            v = Value(rec.Get(b));
        }

        if (v is null && c is not null)
        {
            v = Value(rec.Get(c));
        }

        if (v is not null && v != "{00000000-0000-0000-0000-000000000000}")
        {
            doc.Set(path, v);
        }
    }

    private static void SetLongIf(EcsDocument doc, FieldPath path, WinRecord rec, string a, string? b = null)
    {
        long? value = null;
        if (Value(rec.Get(a)) is { } va && WinText.TryParseLong(va, out var la))
        {
            value = la;
        }

        if (b is not null && Value(rec.Get(b)) is { } vb && WinText.TryParseLong(vb, out var lb))
        {
            value = lb;
        }

        if (value is { } v)
        {
            doc.Set(path, v);
        }
    }

    private static List<string> SplitWhitespace(string s)
    {
        var list = new List<string>(8);
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var ws = i == s.Length || char.IsWhiteSpace(s[i]);
            if (ws && start >= 0)
            {
                list.Add(s[start..i]);
                start = -1;
            }
            else if (!ws && start < 0)
            {
                start = i;
            }
        }

        return list;
    }

    /// <summary>Null for empty values and the Windows "-" placeholder.</summary>
    private static string? Value(string? v) => string.IsNullOrEmpty(v) || v == "-" ? null : v;

    /// <summary>An account name with any <c>@realm</c> suffix removed, as Elastic does.</summary>
    private static string? AccountName(string? v)
    {
        v = Value(v);
        if (v is null)
        {
            return null;
        }

        var at = v.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? v[..at] : v;
    }

    // Elastic's 4688 split: whitespace outside double quotes separates arguments; quotes are kept.
    private static void SplitSimple(string cmd, FieldPath into, EcsDocument doc)
    {
        var args = new List<string>(8);
        var start = 0;
        var inQuote = false;
        for (var i = 0; i < cmd.Length; i++)
        {
            if (cmd[i] == '"')
            {
                inQuote = !inQuote;
            }

            if (char.IsWhiteSpace(cmd[i]) && !inQuote)
            {
                AddArg(args, cmd[start..i]);
                start = i + 1;
            }
            else if (i == cmd.Length - 1)
            {
                AddArg(args, cmd[start..]);
            }
        }

        if (args.Count > 0)
        {
            doc.Set(into, FieldValue.OfArray(args));
        }
    }

    // Windows CommandLineToArgvW rules (as Elastic's Sysmon pipeline implements them). Returns the count.
    private static int SplitArgv(string cmd, FieldPath into, EcsDocument doc)
    {
        var args = new List<string>(8);
        var sb = new System.Text.StringBuilder();
        var i = 0;
        while (i < cmd.Length)
        {
            while (i < cmd.Length && (cmd[i] == ' ' || cmd[i] == '\t'))
            {
                i++;
            }

            if (i >= cmd.Length)
            {
                break;
            }

            sb.Clear();
            var inQuote = false;
            var slashes = 0;
            for (; i < cmd.Length; i++)
            {
                var c = cmd[i];
                if ((c == ' ' || c == '\t') && !inQuote)
                {
                    break;
                }

                if (c == '\\')
                {
                    slashes++;
                    continue;
                }

                if (c == '"')
                {
                    sb.Append('\\', slashes / 2);
                    if (slashes % 2 == 0)
                    {
                        if (inQuote && i + 1 < cmd.Length && cmd[i + 1] == '"')
                        {
                            sb.Append('"');
                            i++;
                        }

                        inQuote = !inQuote;
                    }
                    else
                    {
                        sb.Append('"');
                    }

                    slashes = 0;
                    continue;
                }

                sb.Append('\\', slashes);
                slashes = 0;
                sb.Append(c);
            }

            sb.Append('\\', slashes);
            AddArg(args, sb.ToString());
        }

        if (args.Count > 0)
        {
            doc.Set(into, FieldValue.OfArray(args));
        }

        return args.Count;
    }

    // Arguments are a plain list: duplicates are kept (EcsDocument.Add would drop them); empty strings are not.
    private static void AddArg(List<string> args, string arg)
    {
        if (arg.Length > 0)
        {
            args.Add(arg);
        }
    }
}
