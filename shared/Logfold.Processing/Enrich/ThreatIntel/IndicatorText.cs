using System.Globalization;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Indicator text rules shared by the feed readers and the matcher: type inference, re-fanging
/// (<c>hxxp</c>, <c>[.]</c>), and the normal forms of domains, URLs and hashes. The URL and domain forms are
/// computed the same way for feed entries and for event values, so equal things compare equal.
/// </summary>
internal static class IndicatorText
{
    /// <summary>The longest URL compared; longer event values are not looked up.</summary>
    public const int MaxUrlLength = 4096;

    /// <summary>Undoes the usual defanging: <c>hxxp</c>, <c>[.]</c>, <c>(.)</c>, <c>[:]</c>, <c>[://]</c>.</summary>
    public static string Refang(string value)
    {
        if (value.AsSpan().IndexOfAny('[', '(') < 0 && !value.StartsWith("hxxp", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var text = value.Replace("[.]", ".", StringComparison.Ordinal).Replace("(.)", ".", StringComparison.Ordinal)
            .Replace("[://]", "://", StringComparison.Ordinal).Replace("[:]", ":", StringComparison.Ordinal);
        if (text.StartsWith("hxxp", StringComparison.OrdinalIgnoreCase))
        {
            text = "http" + text[4..];
        }

        return text;
    }

    /// <summary>Guesses the kind of a bare indicator; false when it is none of the supported kinds.</summary>
    public static bool TryInfer(string value, out IndicatorKind kind)
    {
        if (IpPrefixTable<string>.TryParsePrefix(value, out _, out _))
        {
            kind = IndicatorKind.Ip;
            return true;
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            kind = IndicatorKind.Url;
            return true;
        }

        if (IsHex(value))
        {
            switch (value.Length)
            {
                case 32:
                    kind = IndicatorKind.Md5;
                    return true;
                case 40:
                    kind = IndicatorKind.Sha1;
                    return true;
                case 64:
                    kind = IndicatorKind.Sha256;
                    return true;
            }
        }

        if (value.Contains('/', StringComparison.Ordinal) && NormalizeDomain(value.AsSpan(0, value.IndexOf('/', StringComparison.Ordinal))) is not null)
        {
            kind = IndicatorKind.Url;
            return true;
        }

        kind = IndicatorKind.Domain;
        return NormalizeDomain(value) is not null;
    }

    /// <summary>
    /// Normalizes a feed value of a known kind; returns null with a reason when it is not valid for that kind.
    /// IP values keep their text (they are parsed again into the range table).
    /// </summary>
    public static string? Normalize(IndicatorKind kind, string value, out string? error)
    {
        error = null;
        switch (kind)
        {
            case IndicatorKind.Ip:
                if (!IpPrefixTable<string>.TryParsePrefix(value, out _, out _))
                {
                    error = $"'{Clip(value)}' is not an IP address or CIDR block.";
                    return null;
                }

                return value.Trim();
            case IndicatorKind.Domain:
                var domain = NormalizeDomain(value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value);
                if (domain is null)
                {
                    error = $"'{Clip(value)}' is not a domain name of two or more labels.";
                }

                return domain;
            case IndicatorKind.Url:
                var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
                var buffer = new char[Math.Min(text.Length + 1, MaxUrlLength + 1)];
                var length = NormalizeUrl(text, buffer);
                if (length <= 0)
                {
                    error = $"'{Clip(value)}' is not an absolute URL.";
                    return null;
                }

                return new string(buffer, 0, length);
            default:
                var expected = kind switch { IndicatorKind.Md5 => 32, IndicatorKind.Sha1 => 40, _ => 64 };
                if (value.Length != expected || !IsHex(value))
                {
                    error = $"'{Clip(value)}' is not a {kind.ToString().ToUpperInvariant()} hash ({expected} hex digits).";
                    return null;
                }

                return value.ToLowerInvariant();
        }
    }

    /// <summary>A lower-case domain without a trailing dot, or null unless it has two or more valid labels.</summary>
    public static string? NormalizeDomain(ReadOnlySpan<char> value)
    {
        value = value.Trim().TrimEnd('.');
        if (value.Length is 0 or > 253 || value.IndexOf('.') <= 0)
        {
            return null;
        }

        var labelLength = 0;
        var allDigits = true;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return null;
                }

                labelLength = 0;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || ++labelLength > 63)
            {
                return null;
            }

            allDigits &= char.IsAsciiDigit(c);
        }

        return labelLength == 0 || allDigits ? null : value.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Writes the normal form of an absolute URL into <paramref name="into"/>: scheme and host lower-cased,
    /// user info, default ports (80, 443) and the fragment dropped, an empty path written as <c>/</c>; path and
    /// query kept as they are. Returns the length, or 0 when the text is not an absolute URL or does not fit.
    /// </summary>
    public static int NormalizeUrl(ReadOnlySpan<char> url, Span<char> into)
    {
        url = url.Trim();
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || schemeEnd > 16 || url.Length > into.Length)
        {
            return 0;
        }

        var written = 0;
        for (var i = 0; i < schemeEnd; i++)
        {
            var c = url[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }

            into[written++] = char.ToLowerInvariant(c);
        }

        var scheme = into[..written];
        "://".AsSpan().CopyTo(into[written..]);
        written += 3;
        var rest = url[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? [] : rest[authorityEnd..];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var host = authority;
        var port = ReadOnlySpan<char>.Empty;
        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && authority.IndexOf(']') < colon)
        {
            host = authority[..colon];
            port = authority[(colon + 1)..];
        }

        host = host.TrimEnd('.');
        if (host.IsEmpty)
        {
            return 0;
        }

        foreach (var c in host)
        {
            into[written++] = char.ToLowerInvariant(c);
        }

        var defaultPort = (scheme.SequenceEqual("http") && port.SequenceEqual("80")) || (scheme.SequenceEqual("https") && port.SequenceEqual("443"));
        if (!port.IsEmpty && !defaultPort)
        {
            into[written++] = ':';
            port.CopyTo(into[written..]);
            written += port.Length;
        }

        var hash = tail.IndexOf('#');
        if (hash >= 0)
        {
            tail = tail[..hash];
        }

        if (tail.IsEmpty || tail[0] != '/')
        {
            into[written++] = '/';
        }

        tail.CopyTo(into[written..]);
        return written + tail.Length;
    }

    /// <summary>STIX 2.1 Appendix A: a 0-100 number or a None/Low/Medium/High word, as the word; null when unreadable.</summary>
    public static string? Confidence(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
        {
            return score switch
            {
                0 => "None",
                >= 1 and <= 29 => "Low",
                >= 30 and <= 69 => "Medium",
                >= 70 and <= 100 => "High",
                _ => null,
            };
        }

        foreach (var word in (ReadOnlySpan<string>)["None", "Low", "Medium", "High", "Not Specified"])
        {
            if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Reads ISO 8601 or Unix seconds; null when empty; false when unreadable.</summary>
    public static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300800)
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The kind named by a CSV or MISP type column; false for an unknown name.</summary>
    public static bool TryKindFromName(string name, out IndicatorKind kind)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "ip" or "ipv4" or "ipv6" or "ipv4-addr" or "ipv6-addr" or "cidr" or "ip-src" or "ip-dst" or "ip-src|port" or "ip-dst|port" or "ip_address" or "address":
                kind = IndicatorKind.Ip;
                return true;
            case "domain" or "domain-name" or "hostname" or "fqdn" or "host":
                kind = IndicatorKind.Domain;
                return true;
            case "url" or "uri":
                kind = IndicatorKind.Url;
                return true;
            case "md5" or "filename|md5":
                kind = IndicatorKind.Md5;
                return true;
            case "sha1" or "sha-1" or "filename|sha1":
                kind = IndicatorKind.Sha1;
                return true;
            case "sha256" or "sha-256" or "filename|sha256":
                kind = IndicatorKind.Sha256;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static bool IsHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return !value.IsEmpty;
    }

    private static string Clip(string value) => value.Length > 80 ? value[..80] + "..." : value;
}
