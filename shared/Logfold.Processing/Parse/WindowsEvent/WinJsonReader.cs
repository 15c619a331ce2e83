using System.Text;
using System.Text.Json;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// Reads the three JSON renderings of a Windows event into a <see cref="WinRecord"/> in one forward pass with
/// <see cref="Utf8JsonReader"/>: Winlogbeat/Elastic Agent (<c>{"winlog":{...}}</c>), evtx-dump
/// (<c>{"Event":{"System":{...},"EventData":{...}}}</c>) and flat NXLog <c>im_msvistalog</c> JSON
/// (<c>{"EventID":4624,"SourceName":...,"Hostname":...,"TargetUserName":...}</c>).
/// </summary>
internal static class WinJsonReader
{
    private static readonly string[] NxLogEventTypes =
        ["AUDIT_SUCCESS", "AUDIT_FAILURE", "INFO", "WARNING", "ERROR", "CRITICAL", "VERBOSE", "DEBUG"];

    /// <summary>Returns null on success, else a failure reason code.</summary>
    public static string? Read(ReadOnlySpan<byte> json, WinRecord rec, TimeZoneInfo zone, out string? message)
    {
        message = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                message = "The event is not a JSON object.";
                return "invalid_json";
            }

            DateTimeOffset? eventTime = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("winlog"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        rec.Layout = WinLayout.Winlogbeat;
                        ReadWinlog(ref reader, rec, zone);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    continue;
                }

                if (reader.ValueTextEquals("Event"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        rec.Layout = WinLayout.EvtxDump;
                        ReadEvtxEvent(ref reader, rec, zone);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    continue;
                }

                if (reader.ValueTextEquals("event"u8) || reader.ValueTextEquals("log"u8) || reader.ValueTextEquals("host"u8))
                {
                    var which = reader.ValueTextEquals("event"u8) ? 0 : reader.ValueTextEquals("log"u8) ? 1 : 2;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadBeatObject(ref reader, rec, which);
                        continue;
                    }

                    if (reader.TokenType is JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        continue;
                    }

                    // A scalar "host" (Logstash's sender) is not the event's computer; keep others as data.
                    if (which != 2)
                    {
                        var s = Scalar(ref reader);
                        if (s is not null)
                        {
                            rec.Flat.Add(new(which == 0 ? "event" : "log", s));
                        }
                    }

                    continue;
                }

                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                var value = Scalar(ref reader);
                if (value is null)
                {
                    continue;
                }

                if (!FlatSystemField(name, value, rec, zone, ref eventTime))
                {
                    rec.Flat.Add(new(name, value));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                message = "The JSON object is not closed; the event looks truncated.";
                return "truncated";
            }

            // Nothing but whitespace may follow the object.
            if (!json[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty)
            {
                message = "Unexpected data after the JSON object.";
                return "invalid_json";
            }

            if (rec.Layout == WinLayout.None)
            {
                rec.Layout = WinLayout.NxLog;
                rec.TimeCreated ??= eventTime;
                foreach (var kv in rec.Flat)
                {
                    if (kv.Key.Length > 0 && kv.Key[0] != '@')
                    {
                        rec.AddData(kv.Key, kv.Value);
                    }
                }
            }
            else
            {
                foreach (var kv in rec.Flat)
                {
                    if (kv.Key == "message")
                    {
                        rec.Message ??= kv.Value;
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            message = "The event is not valid JSON: " + ex.Message;
            var truncated = ex.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) ||
                            ex.Message.Contains("depth to be zero", StringComparison.OrdinalIgnoreCase);
            return truncated ? "truncated" : "invalid_json";
        }
        catch (InvalidOperationException ex)
        {
            message = "The event is not valid JSON: " + ex.Message;
            return "invalid_json";
        }

        if (rec.EventId is null)
        {
            message = "The event has no numeric event id.";
            return "missing_event_id";
        }

        return null;
    }

    // NXLog's own fields (im_msvistalog) and the Logstash additions; everything else is EventData.
    private static bool FlatSystemField(string name, string value, WinRecord rec, TimeZoneInfo zone, ref DateTimeOffset? eventTime)
    {
        switch (name)
        {
            case "EventID":
            case "EventId":
                if (WinText.TryParseLong(value, out var id) && id is >= 0 and <= 65535)
                {
                    rec.EventId = id;
                }

                return true;
            case "SourceName":
            case "ProviderName":
                rec.ProviderName = value;
                return true;
            case "ProviderGuid":
                rec.ProviderGuid = value;
                return true;
            case "Hostname":
            case "Computer":
                rec.Computer = value;
                return true;
            case "Channel":
                rec.Channel = value;
                return true;
            case "Category":
                rec.Task = value;
                return true;
            case "Task":
                if (rec.Task is null || WinText.TryParseLong(rec.Task, out _))
                {
                    rec.Task = value;
                }

                return true;
            case "Opcode":
                rec.Opcode = value;
                return true;
            case "Level":
                if (WinText.TryParseLong(value, out var level))
                {
                    rec.LevelValue = level;
                }
                else
                {
                    rec.LevelText = value;
                }

                return true;
            case "Keywords":
                if (WinText.TryParseMask(value, out var mask))
                {
                    rec.KeywordsMask = mask;
                }

                return true;
            case "RecordNumber":
            case "EventRecordID":
                if (WinText.TryParseLong(value, out var record))
                {
                    rec.RecordId = record;
                }

                return true;
            case "ProcessID":
            case "ExecutionProcessID":
                if (WinText.TryParseLong(value, out var pid))
                {
                    rec.ProcessId = pid;
                }

                return true;
            case "ThreadID":
            case "ExecutionThreadID":
                if (WinText.TryParseLong(value, out var tid))
                {
                    rec.ThreadId = tid;
                }

                return true;
            case "ActivityID":
                rec.ActivityId = value;
                return true;
            case "RelatedActivityID":
                rec.RelatedActivityId = value;
                return true;
            case "UserID":
                rec.UserSid = value;
                return true;
            case "AccountName":
                rec.UserName = value;
                return true;
            case "Domain":
                rec.UserDomain = value;
                return true;
            case "AccountType":
                rec.UserType = value;
                return true;
            case "Message":
                rec.Message = value;
                return true;
            case "Version":
                if (WinText.TryParseLong(value, out var version))
                {
                    rec.Version = version;
                }

                return true;
            case "TimeCreated":
                if (WinText.TryParseTime(value, zone, out var created))
                {
                    rec.TimeCreated = created;
                }

                return true;
            case "EventTime":
                if (WinText.TryParseTime(value, zone, out var et))
                {
                    eventTime = et;
                }

                return true;
            case "EventReceivedTime":
            case "@timestamp":
                if (rec.ReceivedTime is null && WinText.TryParseTime(value, zone, out var received))
                {
                    rec.ReceivedTime = received;
                }

                return true;
            case "EventType":
            case "EventTypeOrignal":
                // Sysmon registry events carry their own EventType (CreateKey, SetValue...), which is data.
                if (Array.IndexOf(NxLogEventTypes, value) >= 0)
                {
                    rec.EventType = value;
                    return true;
                }

                return false;
            case "Severity":
                rec.LevelText ??= value switch
                {
                    "INFO" => "information",
                    "WARNING" => "warning",
                    "ERROR" => "error",
                    "CRITICAL" => "critical",
                    "DEBUG" => "verbose",
                    _ => null,
                };
                return true;
            case "SeverityValue":
            case "OpcodeValue":
            case "SourceModuleName":
            case "SourceModuleType":
            case "@version":
            case "port":
                return true;
            default:
                return false;
        }
    }

    // Winlogbeat's top-level event.*, log.* and host.* objects.
    private static void ReadBeatObject(ref Utf8JsonReader reader, WinRecord rec, int which)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOutcome = which == 0 && reader.ValueTextEquals("outcome"u8);
            var isLevel = which == 1 && reader.ValueTextEquals("level"u8);
            var isHost = which == 2 && reader.ValueTextEquals("name"u8);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            if (isOutcome)
            {
                rec.Outcome ??= Scalar(ref reader);
            }
            else if (isLevel)
            {
                rec.LevelText ??= Scalar(ref reader);
            }
            else if (isHost)
            {
                rec.HostName = Scalar(ref reader);
            }
        }
    }

    private static void ReadWinlog(ref Utf8JsonReader reader, WinRecord rec, TimeZoneInfo zone)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event_data"u8) || reader.ValueTextEquals("user_data"u8))
            {
                var user = reader.ValueTextEquals("user_data"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && (!user || rec.Data.Count == 0))
                {
                    rec.DataIsUserData = user;
                    ReadDataObject(ref reader, rec);
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            if (reader.ValueTextEquals("keywords"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            rec.Keywords.Add(reader.GetString()!);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    rec.Keywords.Add(reader.GetString()!);
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            if (reader.ValueTextEquals("process"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadWinlogProcess(ref reader, rec);
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            if (reader.ValueTextEquals("user"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadWinlogUser(ref reader, rec);
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var value = Scalar(ref reader);
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "event_id":
                    if (WinText.TryParseLong(value, out var id) && id is >= 0 and <= 65535)
                    {
                        rec.EventId = id;
                    }

                    break;
                case "provider_name":
                    rec.ProviderName = value;
                    break;
                case "provider_guid":
                    rec.ProviderGuid = value;
                    break;
                case "computer_name":
                    rec.Computer = value;
                    break;
                case "channel":
                    rec.Channel = value;
                    break;
                case "record_id":
                    if (WinText.TryParseLong(value, out var record))
                    {
                        rec.RecordId = record;
                    }

                    break;
                case "level":
                    rec.LevelText = value;
                    break;
                case "opcode":
                    rec.Opcode = value;
                    break;
                case "task":
                    rec.Task = value;
                    break;
                case "version":
                    if (WinText.TryParseLong(value, out var version))
                    {
                        rec.Version = version;
                    }

                    break;
                case "time_created":
                    if (WinText.TryParseTime(value, zone, out var created))
                    {
                        rec.TimeCreated = created;
                    }

                    break;
                case "activity_id":
                    rec.ActivityId = value;
                    break;
                case "related_activity_id":
                    rec.RelatedActivityId = value;
                    break;
                case "outcome":
                    rec.Outcome = value;
                    break;
                case "message":
                    rec.Message ??= value;
                    break;
            }
        }
    }

    private static void ReadWinlogProcess(ref Utf8JsonReader reader, WinRecord rec)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("pid"u8))
            {
                reader.Read();
                if (Scalar(ref reader) is { } p && WinText.TryParseLong(p, out var pid))
                {
                    rec.ProcessId = pid;
                }
            }
            else if (reader.ValueTextEquals("thread"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = reader.ValueTextEquals("id"u8);
                    reader.Read();
                    if (isId && Scalar(ref reader) is { } t && WinText.TryParseLong(t, out var tid))
                    {
                        rec.ThreadId = tid;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadWinlogUser(ref Utf8JsonReader reader, WinRecord rec)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("identifier"u8) ? 1 : reader.ValueTextEquals("name"u8) ? 2 :
                reader.ValueTextEquals("domain"u8) ? 3 : reader.ValueTextEquals("type"u8) ? 4 : 0;
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var v = Scalar(ref reader);
            switch (which)
            {
                case 1:
                    rec.UserSid = v;
                    break;
                case 2:
                    rec.UserName = v;
                    break;
                case 3:
                    rec.UserDomain = v;
                    break;
                case 4:
                    rec.UserType = v;
                    break;
            }
        }
    }

    // An object of name → value pairs (Winlogbeat event_data/user_data, evtx-dump EventData or UserData body).
    private static void ReadDataObject(ref Utf8JsonReader reader, WinRecord rec)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name.Length > 0 && name[0] == '#')
            {
                // evtx-dump "#attributes" (xmlns) and friends.
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                // Winlogbeat keeps some values as lists after processing (PrivilegeList); join them back.
                rec.AddData(name, JoinArray(ref reader));
                continue;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var text = ObjectText(ref reader);
                if (text is not null)
                {
                    rec.AddData(name, text);
                }

                continue;
            }

            rec.AddData(name, Scalar(ref reader) ?? string.Empty);
        }
    }

    private static void ReadEvtxEvent(ref Utf8JsonReader reader, WinRecord rec, TimeZoneInfo zone)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("System"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEvtxSystem(ref reader, rec, zone);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("EventData"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEvtxEventData(ref reader, rec);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("UserData"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                // {"UserData":{"LogFileCleared":{"#attributes":{...},"SubjectUserSid":...}}}
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var wrapper = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject && rec.Data.Count == 0)
                    {
                        rec.DataIsUserData = true;
                        rec.AddData("xml_name", wrapper);
                        ReadDataObject(ref reader, rec);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("RenderingInfo"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEvtxRendering(ref reader, rec);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadEvtxEventData(ref Utf8JsonReader reader, WinRecord rec)
    {
        var unnamed = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name.Length > 0 && name[0] == '#')
            {
                reader.Skip();
                continue;
            }

            if (name == "Data" && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // Unnamed <Data> elements: {"Data":{"#text":["a","b"]}} or {"Data":["a","b"]}.
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isText = reader.ValueTextEquals("#text"u8);
                        reader.Read();
                        if (isText)
                        {
                            AddParams(ref reader, rec, ref unnamed);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    AddParams(ref reader, rec, ref unnamed);
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                rec.AddData(name, JoinArray(ref reader));
                continue;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var text = ObjectText(ref reader);
                if (text is not null)
                {
                    rec.AddData(name, text);
                }

                continue;
            }

            rec.AddData(name, Scalar(ref reader) ?? string.Empty);
        }
    }

    private static void AddParams(ref Utf8JsonReader reader, WinRecord rec, ref int unnamed)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                unnamed++;
                rec.AddData("param" + unnamed.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(ref reader) ?? string.Empty);
            }

            return;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        unnamed++;
        rec.AddData("param" + unnamed.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(ref reader) ?? string.Empty);
    }

    private static void ReadEvtxRendering(ref Utf8JsonReader reader, WinRecord rec)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("Message"u8) ? 1 : reader.ValueTextEquals("Level"u8) ? 2 :
                reader.ValueTextEquals("Task"u8) ? 3 : reader.ValueTextEquals("Opcode"u8) ? 4 : 0;
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var v = Scalar(ref reader);
            switch (which)
            {
                case 1:
                    rec.Message = v;
                    break;
                case 2:
                    rec.LevelText = v;
                    break;
                case 3:
                    rec.Task = v;
                    break;
                case 4:
                    rec.Opcode = v;
                    break;
            }
        }
    }

    private static void ReadEvtxSystem(ref Utf8JsonReader reader, WinRecord rec, TimeZoneInfo zone)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "Provider":
                    ReadAttributes(ref reader, rec, zone, AttrTarget.Provider);
                    break;
                case "TimeCreated":
                    ReadAttributes(ref reader, rec, zone, AttrTarget.TimeCreated);
                    break;
                case "Correlation":
                    ReadAttributes(ref reader, rec, zone, AttrTarget.Correlation);
                    break;
                case "Execution":
                    ReadAttributes(ref reader, rec, zone, AttrTarget.Execution);
                    break;
                case "Security":
                    ReadAttributes(ref reader, rec, zone, AttrTarget.Security);
                    break;
                default:
                    string? v;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        v = ObjectText(ref reader);
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        v = null;
                    }
                    else
                    {
                        v = Scalar(ref reader);
                    }

                    if (v is not null)
                    {
                        SystemValue(name, v, rec);
                    }

                    break;
            }
        }
    }

    private static void SystemValue(string name, string v, WinRecord rec)
    {
        switch (name)
        {
            case "EventID":
                if (WinText.TryParseLong(v, out var id) && id is >= 0 and <= 65535)
                {
                    rec.EventId = id;
                }

                break;
            case "Version":
                if (WinText.TryParseLong(v, out var version))
                {
                    rec.Version = version;
                }

                break;
            case "Level":
                if (WinText.TryParseLong(v, out var level))
                {
                    rec.LevelValue = level;
                }

                break;
            case "Task":
                rec.Task ??= v;
                break;
            case "Opcode":
                rec.Opcode ??= v;
                break;
            case "Keywords":
                if (WinText.TryParseMask(v, out var mask))
                {
                    rec.KeywordsMask = mask;
                }

                break;
            case "EventRecordID":
                if (WinText.TryParseLong(v, out var record))
                {
                    rec.RecordId = record;
                }

                break;
            case "Channel":
                rec.Channel = v;
                break;
            case "Computer":
                rec.Computer = v;
                break;
        }
    }

    private enum AttrTarget
    {
        Provider,
        TimeCreated,
        Correlation,
        Execution,
        Security,
    }

    // {"#attributes":{"Name":"...","Guid":"..."}} (evtx-dump) or the attributes inline.
    private static void ReadAttributes(ref Utf8JsonReader reader, WinRecord rec, TimeZoneInfo zone, AttrTarget target)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("#attributes"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadAttributes(ref reader, rec, zone, target);
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var v = Scalar(ref reader);
            if (v is null)
            {
                continue;
            }

            switch (target)
            {
                case AttrTarget.Provider when name == "Name":
                    rec.ProviderName = v;
                    break;
                case AttrTarget.Provider when name == "Guid":
                    rec.ProviderGuid = v;
                    break;
                case AttrTarget.TimeCreated when name == "SystemTime":
                    if (WinText.TryParseTime(v, TimeZoneInfo.Utc, out var t))
                    {
                        rec.TimeCreated = t;
                    }

                    break;
                case AttrTarget.Correlation when name == "ActivityID":
                    rec.ActivityId = v;
                    break;
                case AttrTarget.Correlation when name == "RelatedActivityID":
                    rec.RelatedActivityId = v;
                    break;
                case AttrTarget.Execution when name == "ProcessID":
                    if (WinText.TryParseLong(v, out var pid))
                    {
                        rec.ProcessId = pid;
                    }

                    break;
                case AttrTarget.Execution when name == "ThreadID":
                    if (WinText.TryParseLong(v, out var tid))
                    {
                        rec.ThreadId = tid;
                    }

                    break;
                case AttrTarget.Security when name == "UserID":
                    rec.UserSid = v;
                    break;
            }
        }
    }

    /// <summary>The text of a scalar token (numbers keep their JSON spelling); null for JSON null.</summary>
    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    // {"#text": value, "#attributes": {...}} → value; other objects are skipped.
    private static string? ObjectText(ref Utf8JsonReader reader)
    {
        string? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isText = reader.ValueTextEquals("#text"u8);
            reader.Read();
            if (isText && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                text = Scalar(ref reader);
            }
            else if (isText && reader.TokenType == JsonTokenType.StartArray)
            {
                text = JoinArray(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return text;
    }

    private static string JoinArray(ref Utf8JsonReader reader)
    {
        var sb = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var s = Scalar(ref reader);
            if (s is null)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(s);
        }

        return sb.ToString();
    }
}
