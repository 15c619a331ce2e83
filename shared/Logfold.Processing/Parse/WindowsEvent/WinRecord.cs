namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// One Windows event in a layout-neutral form: the <c>System</c> block, the rendering info and the
/// <c>EventData</c>/<c>UserData</c> pairs. Every reader (XML, Winlogbeat JSON, NXLog JSON, evtx-dump JSON)
/// fills one of these and <see cref="WinEventMapper"/> maps it to ECS, so the mapping is written once.
/// Instances are reused per thread: <see cref="Clear"/> resets them without freeing the lists.
/// </summary>
internal sealed class WinRecord
{
    /// <summary>EventData (or UserData) names and values, in document order.</summary>
    public List<KeyValuePair<string, string>> Data { get; } = new(32);

    /// <summary>Top-level JSON scalars seen before the layout is known (NXLog fields become <see cref="Data"/>).</summary>
    public List<KeyValuePair<string, string>> Flat { get; } = new(32);

    /// <summary>A host name the producer reported outside the event (Winlogbeat <c>host.name</c>).</summary>
    public string? HostName { get; set; }

    /// <summary>Keyword names (<c>Audit Success</c>, <c>Classic</c>...).</summary>
    public List<string> Keywords { get; } = new(4);

    /// <summary>Which input layout the event came in (for tests and the README).</summary>
    public WinLayout Layout { get; set; }

    /// <summary>True when <see cref="Data"/> came from <c>UserData</c> rather than <c>EventData</c>.</summary>
    public bool DataIsUserData { get; set; }

    public long? EventId { get; set; }

    public string? ProviderName { get; set; }

    public string? ProviderGuid { get; set; }

    public string? Channel { get; set; }

    public string? Computer { get; set; }

    public long? RecordId { get; set; }

    public long? Version { get; set; }

    /// <summary>The numeric level (0 LogAlways, 1 critical, 2 error, 3 warning, 4 information, 5 verbose).</summary>
    public long? LevelValue { get; set; }

    /// <summary>The rendered level name, when the layout carries one.</summary>
    public string? LevelText { get; set; }

    public string? Task { get; set; }

    public string? Opcode { get; set; }

    /// <summary>The keyword bit mask, when the layout carries it.</summary>
    public ulong? KeywordsMask { get; set; }

    public DateTimeOffset? TimeCreated { get; set; }

    /// <summary>The time the collector received the event (NXLog <c>EventReceivedTime</c>, Logstash <c>@timestamp</c>).</summary>
    public DateTimeOffset? ReceivedTime { get; set; }

    public string? ActivityId { get; set; }

    public string? RelatedActivityId { get; set; }

    public long? ProcessId { get; set; }

    public long? ThreadId { get; set; }

    /// <summary>The <c>Security UserID</c> SID of the account the event was logged under.</summary>
    public string? UserSid { get; set; }

    public string? UserName { get; set; }

    public string? UserDomain { get; set; }

    public string? UserType { get; set; }

    /// <summary>The rendered message text.</summary>
    public string? Message { get; set; }

    /// <summary>An outcome the producer already decided (Winlogbeat <c>winlog.outcome</c> / <c>event.outcome</c>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The NXLog <c>EventType</c> (<c>AUDIT_SUCCESS</c>, <c>INFO</c>...).</summary>
    public string? EventType { get; set; }

    public void Clear()
    {
        Data.Clear();
        Flat.Clear();
        HostName = null;
        Keywords.Clear();
        Layout = WinLayout.None;
        DataIsUserData = false;
        EventId = null;
        ProviderName = null;
        ProviderGuid = null;
        Channel = null;
        Computer = null;
        RecordId = null;
        Version = null;
        LevelValue = null;
        LevelText = null;
        Task = null;
        Opcode = null;
        KeywordsMask = null;
        TimeCreated = null;
        ReceivedTime = null;
        ActivityId = null;
        RelatedActivityId = null;
        ProcessId = null;
        ThreadId = null;
        UserSid = null;
        UserName = null;
        UserDomain = null;
        UserType = null;
        Message = null;
        Outcome = null;
        EventType = null;
    }

    /// <summary>The value of a data field, or null (linear scan: events carry a few dozen fields at most).</summary>
    public string? Get(string name)
    {
        var data = Data;
        for (var i = 0; i < data.Count; i++)
        {
            if (string.Equals(data[i].Key, name, StringComparison.Ordinal))
            {
                return data[i].Value;
            }
        }

        return null;
    }

    /// <summary>The value of a data field unless it is empty or the Windows "no value" dash.</summary>
    public string? GetValue(string name)
    {
        var v = Get(name);
        return string.IsNullOrEmpty(v) || v == "-" ? null : v;
    }

    public void AddData(string name, string value)
    {
        // A later duplicate replaces the earlier one, as a JSON object would.
        var data = Data;
        for (var i = 0; i < data.Count; i++)
        {
            if (string.Equals(data[i].Key, name, StringComparison.Ordinal))
            {
                data[i] = new(name, value);
                return;
            }
        }

        data.Add(new(name, value));
    }
}

/// <summary>The input layouts the Windows module accepts.</summary>
internal enum WinLayout
{
    None,

    /// <summary>Event Log XML, <c>&lt;Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"&gt;</c>.</summary>
    Xml,

    /// <summary>Winlogbeat / Elastic Agent JSON with a <c>winlog</c> object.</summary>
    Winlogbeat,

    /// <summary>Flat JSON from NXLog <c>im_msvistalog</c> (and the OTRF/Mordor exports built on it).</summary>
    NxLog,

    /// <summary>JSON from <c>evtx_dump</c> (<c>{"Event":{"System":...,"EventData":...}}</c>).</summary>
    EvtxDump,
}
