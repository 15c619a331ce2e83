using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>PAN-OS CEF and LEEF output (custom log formats PAN-OS documents for ArcSight and QRadar).</summary>
internal static class PanCef
{
    /// <summary>The two key=value formats.</summary>
    public enum Format
    {
        None,
        Cef,
        Leef,
    }

    /// <summary>Finds <c>CEF:n|Palo Alto Networks|</c> or <c>LEEF:n|Palo Alto Networks|</c>; <paramref name="start"/> is where it begins.</summary>
    public static Format Locate(ReadOnlySpan<byte> raw, out int start)
    {
        start = -1;
        var window = raw[..Math.Min(raw.Length, 400)];
        var vendor = window.IndexOf("|Palo Alto Networks|"u8);
        if (vendor < 0)
        {
            return Format.None;
        }

        var head = window[..vendor];
        var cef = head.LastIndexOf("CEF:"u8);
        if (cef >= 0 && vendor - cef <= 6)
        {
            start = cef;
            return Format.Cef;
        }

        var leef = head.LastIndexOf("LEEF:"u8);
        if (leef >= 0 && vendor - leef <= 8)
        {
            start = leef;
            return Format.Leef;
        }

        return Format.None;
    }

    /// <summary>Normalizes a CEF or LEEF payload.</summary>
    public static ParseResult Normalize(ReadOnlySpan<byte> payload, Format format, NormalizeContext context, EcsDocument doc) =>
        ParseResult.Fail("not_supported", "PAN-OS CEF/LEEF is not mapped yet.");
}
