namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// The cheap detector for Windows events: a handful of vectorized <c>IndexOf</c> probes for the markers each
/// rendering must carry. No allocation, no parsing.
/// </summary>
internal static class WinScore
{
    /// <summary>The event with surrounding whitespace, a UTF-8 BOM and Event Viewer's "- " bullet removed.</summary>
    public static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
        {
            raw = raw[3..];
        }

        raw = raw.Trim(" \t\r\n"u8);
        while (raw.Length > 2 && raw[0] == (byte)'-' && raw[1] == (byte)' ')
        {
            raw = raw[2..].TrimStart(" \t"u8);
        }

        return raw;
    }

    public static double Score(ReadOnlySpan<byte> raw)
    {
        var body = Body(raw);
        if (body.Length < 16)
        {
            return 0;
        }

        return body[0] switch
        {
            (byte)'<' => ScoreXml(body),
            (byte)'{' => ScoreJson(body),
            _ => 0,
        };
    }

    private static double ScoreXml(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("<?xml"u8))
        {
            var at = body[..Math.Min(body.Length, 200)].IndexOf("<Event"u8);
            if (at < 0)
            {
                return 0;
            }

            body = body[at..];
        }

        if (!body.StartsWith("<Event"u8) || body.Length < 7 || (body[6] != (byte)'>' && body[6] != (byte)' '))
        {
            return 0;
        }

        var head = body[..Math.Min(body.Length, 512)];
        if (IsWebAccessLog(head))
        {
            return 0.5;
        }

        if (head.IndexOf("schemas.microsoft.com/win/2004/08/events/event"u8) >= 0)
        {
            return 0.98;
        }

        return head.IndexOf("<System>"u8) >= 0 || head.IndexOf("<System "u8) >= 0 ? 0.93 : 0.5;
    }

    // IIS can log requests to the Event Log (Microsoft-IIS-Logging/Logs); those are web access logs, which
    // belong to an IIS module, not to this one.
    private static bool IsWebAccessLog(ReadOnlySpan<byte> s) => s.IndexOf("Microsoft-Windows-IIS-Logging"u8) >= 0;

    private static double ScoreJson(ReadOnlySpan<byte> body)
    {
        if (IsWebAccessLog(body))
        {
            return 0.5;
        }

        // Winlogbeat / Elastic Agent.
        if (body.IndexOf("\"winlog\":{"u8) >= 0 || body.IndexOf("\"winlog\": {"u8) >= 0)
        {
            return body.IndexOf("\"event_id\""u8) >= 0 || body.IndexOf("\"provider_name\""u8) >= 0 ? 0.97 : 0.6;
        }

        // evtx-dump: {"Event":{"#attributes":...,"System":{...}}}
        var head = body[..Math.Min(body.Length, 64)];
        if (head.IndexOf("\"Event\":"u8) >= 0 || head.IndexOf("\"Event\" :"u8) >= 0)
        {
            return body.IndexOf("\"System\""u8) >= 0 && body.IndexOf("\"EventID\""u8) >= 0 ? 0.97 : 0.5;
        }

        // NXLog im_msvistalog and the exports built on it (flat, CamelCase Windows names).
        if (body.IndexOf("\"EventID\":"u8) < 0 && body.IndexOf("\"EventID\" :"u8) < 0)
        {
            return 0;
        }

        var provider = body.IndexOf("\"SourceName\":"u8) >= 0 || body.IndexOf("\"ProviderName\":"u8) >= 0 ||
                       body.IndexOf("\"ProviderGuid\":"u8) >= 0;
        var channel = body.IndexOf("\"Channel\":"u8) >= 0;
        var host = body.IndexOf("\"Hostname\":"u8) >= 0 || body.IndexOf("\"Computer\":"u8) >= 0;
        if (provider && (channel || host))
        {
            return 0.96;
        }

        return provider || channel ? 0.91 : 0.6;
    }
}
