using System.Text;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>
/// Reads one Event Log XML rendering (<c>&lt;Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"&gt;</c>)
/// into a <see cref="WinRecord"/> with a forward-only tag scanner: no DOM, no regex, no DTDs or external
/// entities (so no XXE). The "- " bullets that Event Viewer's copy-as-text leaves before tags are tolerated.
/// </summary>
internal static class WinXmlReader
{
    private enum Section
    {
        None,
        System,
        EventData,
        UserData,
        Rendering,
    }

    /// <summary>Returns null on success, else a failure reason code.</summary>
    public static string? Read(ReadOnlySpan<byte> xml, WinRecord rec, out string? message)
    {
        message = null;
        rec.Layout = WinLayout.Xml;
        var start = xml.IndexOf("<Event"u8);
        if (start < 0)
        {
            message = "No <Event> element was found.";
            return "invalid_xml";
        }

        xml = xml[start..];
        if (xml.LastIndexOf("</Event>"u8) < 0)
        {
            message = "The <Event> element is not closed; the event looks truncated.";
            return "truncated";
        }

        var section = Section.None;
        var depth = 0;             // element depth below <Event>
        var sectionDepth = 0;      // depth of the section element
        var userDataWrapperSeen = false;
        ReadOnlySpan<byte> textElement = default;   // the element whose text we want
        ReadOnlySpan<byte> dataName = default;      // EventData <Data Name=...>
        var dataNamed = false;
        var unnamed = 0;
        var textStart = -1;
        var sawEventEnd = false;
        var i = 0;
        while (i < xml.Length)
        {
            var lt = xml[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }

            lt += i;
            if (StartsWith(xml, lt, "<!--"u8))
            {
                var endComment = xml[lt..].IndexOf("-->"u8);
                if (endComment < 0)
                {
                    message = "An XML comment is not closed.";
                    return "truncated";
                }

                i = lt + endComment + 3;
                continue;
            }

            if (StartsWith(xml, lt, "<![CDATA["u8))
            {
                var endCdata = xml[lt..].IndexOf("]]>"u8);
                if (endCdata < 0)
                {
                    message = "A CDATA section is not closed.";
                    return "truncated";
                }

                i = lt + endCdata + 3;
                continue;
            }

            if (StartsWith(xml, lt, "<?"u8) || StartsWith(xml, lt, "<!"u8))
            {
                var endDecl = xml[lt..].IndexOf((byte)'>');
                if (endDecl < 0)
                {
                    message = "A declaration is not closed.";
                    return "truncated";
                }

                i = lt + endDecl + 1;
                continue;
            }

            var gt = TagEnd(xml, lt + 1);
            if (gt < 0)
            {
                message = "A tag is not closed; the event looks truncated.";
                return "truncated";
            }

            var tag = xml[(lt + 1)..gt];
            i = gt + 1;
            if (tag.IsEmpty)
            {
                message = "An empty tag was found.";
                return "invalid_xml";
            }

            if (tag[0] == (byte)'/')
            {
                // End tag.
                var endName = LocalName(tag[1..].Trim((byte)' '));
                if (textStart >= 0 && !textElement.IsEmpty && endName.SequenceEqual(textElement))
                {
                    var text = xml[textStart..lt];
                    OnText(section, textElement, dataNamed ? dataName : default, ref unnamed, text, rec);
                }

                textStart = -1;
                textElement = default;
                depth--;
                if (depth < 0 || (depth == 0 && endName.SequenceEqual("Event"u8)))
                {
                    sawEventEnd = true;
                    break;
                }

                if (section != Section.None && depth < sectionDepth)
                {
                    section = Section.None;
                }

                continue;
            }

            var selfClosing = tag[^1] == (byte)'/';
            if (selfClosing)
            {
                tag = tag[..^1];
            }

            var nameEnd = tag.IndexOfAny((byte)' ', (byte)'\t', (byte)'\n');
            if (nameEnd < 0)
            {
                nameEnd = tag.Length;
            }

            nameEnd = Math.Max(0, nameEnd);
            var name = LocalName(tag[..nameEnd]);
            var attrs = tag[nameEnd..];
            depth++;
            if (depth == 2)
            {
                section = name.SequenceEqual("System"u8) ? Section.System
                    : name.SequenceEqual("EventData"u8) ? Section.EventData
                    : name.SequenceEqual("UserData"u8) ? Section.UserData
                    : name.SequenceEqual("RenderingInfo"u8) ? Section.Rendering
                    : Section.None;
                sectionDepth = depth;
                userDataWrapperSeen = false;
            }
            else if (depth > 2)
            {
                switch (section)
                {
                    case Section.System:
                        OnSystemTag(name, attrs, rec);
                        break;
                    case Section.EventData:
                        if (name.SequenceEqual("Data"u8))
                        {
                            dataNamed = TryAttr(attrs, "Name"u8, out dataName);
                            if (selfClosing)
                            {
                                // <Data Name="X"/>: an empty value, kept as Winlogbeat keeps it.
                                if (dataNamed)
                                {
                                    rec.AddData(WinText.XmlText(dataName), string.Empty);
                                }
                            }
                        }

                        break;
                    case Section.UserData:
                        if (depth == 3 && !userDataWrapperSeen)
                        {
                            userDataWrapperSeen = true;
                            rec.DataIsUserData = true;
                            rec.AddData("xml_name", Encoding.UTF8.GetString(name));
                        }
                        else if (depth == 4 && selfClosing)
                        {
                            rec.AddData(Encoding.UTF8.GetString(name), string.Empty);
                        }

                        break;
                    case Section.Rendering:
                        break;
                }
            }

            if (selfClosing)
            {
                depth--;
                if (section != Section.None && depth < sectionDepth)
                {
                    section = Section.None;
                }

                continue;
            }

            if (depth > 2 && WantsText(section, name, depth))
            {
                textElement = name;
                textStart = i;
            }
            else
            {
                textStart = -1;
                textElement = default;
            }
        }

        if (!sawEventEnd)
        {
            message = "The <Event> element is not closed; the event looks truncated.";
            return "truncated";
        }

        if (rec.EventId is null)
        {
            message = "The event has no numeric <EventID>.";
            return "missing_event_id";
        }

        return null;
    }

    private static bool WantsText(Section section, ReadOnlySpan<byte> name, int depth) => section switch
    {
        Section.System => depth == 3,
        Section.EventData => depth == 3 && name.SequenceEqual("Data"u8),
        Section.UserData => depth == 4,
        Section.Rendering => name.SequenceEqual("Message"u8) || name.SequenceEqual("Level"u8) || name.SequenceEqual("Task"u8) ||
                             name.SequenceEqual("Opcode"u8) || name.SequenceEqual("Keyword"u8),
        _ => false,
    };

    private static void OnText(Section section, ReadOnlySpan<byte> element, ReadOnlySpan<byte> dataName, ref int unnamed, ReadOnlySpan<byte> raw, WinRecord rec)
    {
        switch (section)
        {
            case Section.System:
                OnSystemText(element, raw.Trim(" \t\r\n"u8), rec);
                break;
            case Section.EventData:
                if (!dataName.IsEmpty)
                {
                    rec.AddData(WinText.XmlText(dataName), WinText.XmlText(raw));
                }
                else
                {
                    unnamed++;
                    rec.AddData("param" + unnamed.ToString(System.Globalization.CultureInfo.InvariantCulture), WinText.XmlText(raw));
                }

                break;
            case Section.UserData:
                rec.AddData(Encoding.UTF8.GetString(element), WinText.XmlText(raw));
                break;
            case Section.Rendering:
                var text = WinText.XmlText(raw.Trim(" \t\r\n"u8));
                if (text.Length == 0)
                {
                    break;
                }

                if (element.SequenceEqual("Message"u8))
                {
                    rec.Message = text;
                }
                else if (element.SequenceEqual("Level"u8))
                {
                    rec.LevelText ??= text;
                }
                else if (element.SequenceEqual("Task"u8))
                {
                    rec.Task = text;
                }
                else if (element.SequenceEqual("Opcode"u8))
                {
                    rec.Opcode = text;
                }
                else if (element.SequenceEqual("Keyword"u8))
                {
                    rec.Keywords.Add(text);
                }

                break;
        }
    }

    private static void OnSystemText(ReadOnlySpan<byte> element, ReadOnlySpan<byte> text, WinRecord rec)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Span<char> chars = stackalloc char[Math.Min(text.Length, 64)];
        var numeric = text.Length <= 64;
        if (numeric)
        {
            for (var k = 0; k < text.Length; k++)
            {
                chars[k] = (char)text[k];
            }
        }

        var s = chars[..Math.Min(text.Length, 64)];
        if (element.SequenceEqual("EventID"u8))
        {
            if (numeric && WinText.TryParseLong(s, out var id) && id is >= 0 and <= 65535)
            {
                rec.EventId = id;
            }
        }
        else if (element.SequenceEqual("Version"u8))
        {
            if (numeric && WinText.TryParseLong(s, out var v))
            {
                rec.Version = v;
            }
        }
        else if (element.SequenceEqual("Level"u8))
        {
            if (numeric && WinText.TryParseLong(s, out var l))
            {
                rec.LevelValue = l;
            }
        }
        else if (element.SequenceEqual("Task"u8))
        {
            rec.Task ??= WinText.XmlText(text);
        }
        else if (element.SequenceEqual("Opcode"u8))
        {
            rec.Opcode ??= WinText.XmlText(text);
        }
        else if (element.SequenceEqual("Keywords"u8))
        {
            if (numeric && WinText.TryParseMask(s, out var mask))
            {
                rec.KeywordsMask = mask;
            }
        }
        else if (element.SequenceEqual("EventRecordID"u8))
        {
            if (numeric && WinText.TryParseLong(s, out var r))
            {
                rec.RecordId = r;
            }
        }
        else if (element.SequenceEqual("Channel"u8))
        {
            rec.Channel = WinText.XmlText(text);
        }
        else if (element.SequenceEqual("Computer"u8))
        {
            rec.Computer = WinText.XmlText(text);
        }
    }

    private static void OnSystemTag(ReadOnlySpan<byte> name, ReadOnlySpan<byte> attrs, WinRecord rec)
    {
        ReadOnlySpan<byte> v;
        if (name.SequenceEqual("Provider"u8))
        {
            if (TryAttr(attrs, "Name"u8, out v))
            {
                rec.ProviderName = WinText.XmlText(v);
            }

            if (TryAttr(attrs, "Guid"u8, out v))
            {
                rec.ProviderGuid = WinText.XmlText(v);
            }
        }
        else if (name.SequenceEqual("TimeCreated"u8))
        {
            if (TryAttr(attrs, "SystemTime"u8, out v) && v.Length <= 64)
            {
                Span<char> chars = stackalloc char[v.Length];
                for (var k = 0; k < v.Length; k++)
                {
                    chars[k] = (char)v[k];
                }

                // SystemTime is UTC by definition, even when the Z is missing.
                if (WinText.TryParseTime(chars, TimeZoneInfo.Utc, out var t))
                {
                    rec.TimeCreated = t;
                }
            }
        }
        else if (name.SequenceEqual("Correlation"u8))
        {
            if (TryAttr(attrs, "ActivityID"u8, out v))
            {
                rec.ActivityId = WinText.XmlText(v);
            }

            if (TryAttr(attrs, "RelatedActivityID"u8, out v))
            {
                rec.RelatedActivityId = WinText.XmlText(v);
            }
        }
        else if (name.SequenceEqual("Execution"u8))
        {
            if (TryAttr(attrs, "ProcessID"u8, out v) && TryLong(v, out var pid))
            {
                rec.ProcessId = pid;
            }

            if (TryAttr(attrs, "ThreadID"u8, out v) && TryLong(v, out var tid))
            {
                rec.ThreadId = tid;
            }
        }
        else if (name.SequenceEqual("Security"u8))
        {
            if (TryAttr(attrs, "UserID"u8, out v))
            {
                rec.UserSid = WinText.XmlText(v);
            }
        }
    }

    private static bool TryLong(ReadOnlySpan<byte> v, out long value)
    {
        value = 0;
        if (v.Length > 32)
        {
            return false;
        }

        Span<char> chars = stackalloc char[v.Length];
        for (var k = 0; k < v.Length; k++)
        {
            chars[k] = (char)v[k];
        }

        return WinText.TryParseLong(chars, out value);
    }

    // Finds the '>' that closes a tag opened at start, skipping quoted attribute values.
    private static int TagEnd(ReadOnlySpan<byte> xml, int start)
    {
        byte quote = 0;
        for (var k = start; k < xml.Length; k++)
        {
            var b = xml[k];
            if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == (byte)'>')
            {
                return k;
            }
            else if (b == (byte)'<')
            {
                return -1;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> qname)
    {
        var colon = qname.IndexOf((byte)':');
        return colon >= 0 ? qname[(colon + 1)..] : qname;
    }

    private static bool StartsWith(ReadOnlySpan<byte> s, int at, ReadOnlySpan<byte> prefix) =>
        s.Length - at >= prefix.Length && s.Slice(at, prefix.Length).SequenceEqual(prefix);

    /// <summary>Finds attribute <paramref name="name"/> in a tag's attribute text.</summary>
    internal static bool TryAttr(ReadOnlySpan<byte> attrs, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var k = 0;
        while (k < attrs.Length)
        {
            while (k < attrs.Length && attrs[k] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                k++;
            }

            var nameStart = k;
            while (k < attrs.Length && attrs[k] != (byte)'=' && attrs[k] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                k++;
            }

            var attrName = attrs[nameStart..k];
            while (k < attrs.Length && attrs[k] is (byte)' ' or (byte)'\t')
            {
                k++;
            }

            if (k >= attrs.Length || attrs[k] != (byte)'=')
            {
                if (k == nameStart)
                {
                    k++;
                }

                continue;
            }

            k++;
            while (k < attrs.Length && attrs[k] is (byte)' ' or (byte)'\t')
            {
                k++;
            }

            if (k >= attrs.Length || attrs[k] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }

            var quote = attrs[k];
            var close = attrs[(k + 1)..].IndexOf(quote);
            if (close < 0)
            {
                return false;
            }

            var val = attrs.Slice(k + 1, close);
            k += close + 2;
            if (LocalName(attrName).SequenceEqual(name))
            {
                value = val;
                return true;
            }
        }

        return false;
    }
}
