using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// Windows Event Log events (Security, System, Sysmon and any other channel) in four renderings: Event Log XML,
/// Winlogbeat/Elastic Agent JSON, NXLog <c>im_msvistalog</c> JSON and evtx-dump JSON. Each rendering is read
/// into one layout-neutral record and mapped to ECS like Elastic's <c>system.security</c> and
/// <c>windows.sysmon_operational</c> integrations. See README.md in this folder.
/// </summary>
public sealed class WindowsEventSource : ISourceModule
{
    [ThreadStatic]
    private static WinRecord? t_record;

    /// <inheritdoc />
    public string SourceType => SourceTypes.WindowsEvent;

    /// <inheritdoc />
    public double Score(ReadOnlySpan<byte> raw) => WinScore.Score(raw);

    /// <inheritdoc />
    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(doc);
        var body = WinScore.Body(raw);
        if (body.IsEmpty)
        {
            return ParseResult.Fail("empty", "The event is empty.");
        }

        var rec = t_record ??= new WinRecord();
        rec.Clear();
        string? reason;
        string? message;
        if (body[0] == (byte)'<')
        {
            reason = WinXmlReader.Read(body, rec, out message);
        }
        else if (body[0] == (byte)'{')
        {
            reason = WinJsonReader.Read(body, rec, context.DefaultTimeZone, out message);
        }
        else
        {
            return ParseResult.Fail("unrecognized_format", "The event is neither Event Log XML nor a JSON rendering of a Windows event.");
        }

        if (reason is not null)
        {
            return ParseResult.Fail(reason, message ?? "The Windows event could not be parsed.");
        }

        WinEventMapper.Map(rec, context, doc);
        return ParseResult.Ok;
    }
}
