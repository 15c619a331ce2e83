namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>
/// Reads browser, AWS tool and HTTP library user-agent strings with span scans (no regular expressions):
/// product tokens (<c>name/version</c>) pick the agent, the first parenthesised comment or AWS SDK
/// <c>os/</c> tokens give the operating system, and mobile comments give the device.
/// </summary>
internal static class UserAgentParser
{
    private const string Other = "Other";

    /// <summary>Parses <paramref name="ua"/>; <see cref="UserAgentInfo.Unknown"/> when nothing is recognized.</summary>
    public static UserAgentInfo Parse(ReadOnlySpan<char> ua)
    {
        ua = ua.Trim();
        if (ua.Length > 2 && ua[0] == '[' && ua[^1] == ']')
        {
            ua = ua[1..^1].Trim();
        }

        if (ua.IsEmpty)
        {
            return UserAgentInfo.Unknown;
        }

        if (ua.Equals("AWS Internal", StringComparison.OrdinalIgnoreCase))
        {
            return new UserAgentInfo { Name = "AWS Internal", DeviceName = Other };
        }

        if (ua.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && ua.IndexOfAny(' ', '/') < 0)
        {
            var console = ua.Equals("console.amazonaws.com", StringComparison.OrdinalIgnoreCase) || ua.Equals("signin.amazonaws.com", StringComparison.OrdinalIgnoreCase);
            return new UserAgentInfo { Name = console ? "AWS Console" : "AWS Service", DeviceName = Other };
        }

        return ua.StartsWith("Mozilla/", StringComparison.Ordinal) || ua.StartsWith("Opera/", StringComparison.Ordinal)
            ? ParseBrowser(ua)
            : ParseTool(ua);
    }

    private static UserAgentInfo ParseBrowser(ReadOnlySpan<char> ua)
    {
        string? name = null;
        string? version = null;
        var mobile = ua.Contains(" Mobile", StringComparison.Ordinal);
        if (Product(ua, "Edg/", out version) || Product(ua, "EdgA/", out version) || Product(ua, "EdgiOS/", out version) || Product(ua, "Edge/", out version))
        {
            name = "Edge";
        }
        else if (Product(ua, "OPR/", out version) || Product(ua, "OPiOS/", out version))
        {
            name = "Opera";
        }
        else if (ua.StartsWith("Opera/", StringComparison.Ordinal))
        {
            name = "Opera";
            if (!Product(ua, "Version/", out version))
            {
                Product(ua, "Opera/", out version);
            }
        }
        else if (Product(ua, "SamsungBrowser/", out version))
        {
            name = "Samsung Internet";
        }
        else if (Product(ua, "FxiOS/", out version))
        {
            name = "Firefox iOS";
        }
        else if (Product(ua, "Firefox/", out version))
        {
            name = mobile ? "Firefox Mobile" : "Firefox";
        }
        else if (Product(ua, "CriOS/", out version))
        {
            name = "Chrome Mobile iOS";
        }
        else if (Product(ua, "Chrome/", out version))
        {
            name = mobile ? "Chrome Mobile" : "Chrome";
        }
        else if (ua.Contains("Safari/", StringComparison.Ordinal) && Product(ua, "Version/", out version))
        {
            name = mobile ? "Mobile Safari" : "Safari";
        }
        else if (Product(ua, "MSIE ", out version) || (ua.Contains("Trident/", StringComparison.Ordinal) && Product(ua, "rv:", out version)))
        {
            name = "IE";
        }

        ReadComment(ua, out var osName, out var osVersion, out var device);
        if (name is null && osName is null)
        {
            return UserAgentInfo.Unknown;
        }

        return new UserAgentInfo { Name = name ?? Other, Version = version, OsName = osName, OsVersion = osVersion, DeviceName = device ?? Other };
    }

    private static UserAgentInfo ParseTool(ReadOnlySpan<char> ua)
    {
        var slash = ua.IndexOf('/');
        var end = ua.IndexOfAny(' ', '(', ';');
        if (slash <= 0 || (end >= 0 && end < slash))
        {
            return UserAgentInfo.Unknown;
        }

        var product = ua[..slash];
        var version = Version(ua[(slash + 1)..]);
        string name;
        if (ua.Contains("terraform-provider-aws/", StringComparison.Ordinal) || product.Equals("APN", StringComparison.Ordinal))
        {
            name = "Terraform";
            Product(ua, "Terraform/", out version);
        }
        else
        {
            name = product.ToString();
        }

        string? osName = null;
        string? osVersion = null;
        foreach (var range in ua.Split(' '))
        {
            var token = ua[range];
            if (token.StartsWith("os/", StringComparison.OrdinalIgnoreCase))
            {
                // aws-sdk-go-v2, Boto3 and aws-sdk-js v3: os/linux#5.10 or os/macos#13.4
                var value = token[3..];
                var hash = value.IndexOf('#');
                osName = OsFamily(hash < 0 ? value : value[..hash]);
                osVersion = hash < 0 ? null : NullIfEmpty(value[(hash + 1)..]);
                break;
            }

            var tokenSlash = token.IndexOf('/');
            if (tokenSlash > 0 && IsOsProduct(token[..tokenSlash]))
            {
                // aws-cli and aws-sdk-java: Linux/5.10.0, Darwin/22.6.0, Windows_NT/10.0
                osName = OsFamily(token[..tokenSlash]);
                osVersion = NullIfEmpty(token[(tokenSlash + 1)..]);
                break;
            }
        }

        osName ??= CommentOsFamily(ua);

        return new UserAgentInfo { Name = name, Version = version, OsName = osName, OsVersion = osVersion, DeviceName = Other };
    }

    // The first parenthesised comment: (Windows NT 10.0; Win64; x64), (Macintosh; Intel Mac OS X 10_15_7),
    // (iPhone; CPU iPhone OS 17_1 like Mac OS X), (Linux; Android 14; Pixel 8), (X11; CrOS x86_64 15633.69.0).
    private static void ReadComment(ReadOnlySpan<char> ua, out string? osName, out string? osVersion, out string? device)
    {
        osName = null;
        osVersion = null;
        device = null;
        var open = ua.IndexOf('(');
        if (open < 0)
        {
            return;
        }

        var comment = ua[(open + 1)..];
        var close = comment.IndexOf(')');
        comment = close < 0 ? comment : comment[..close];
        if (Find(comment, "Windows NT ", out var nt))
        {
            osName = "Windows";
            osVersion = nt switch
            {
                "10.0" => "10",
                "6.3" => "8.1",
                "6.2" => "8",
                "6.1" => "7",
                "6.0" => "Vista",
                "5.1" or "5.2" => "XP",
                _ => nt,
            };
            return;
        }

        if (comment.Contains("iPhone", StringComparison.Ordinal) || comment.Contains("iPad", StringComparison.Ordinal) || comment.Contains("iPod", StringComparison.Ordinal))
        {
            osName = "iOS";
            device = comment.Contains("iPad", StringComparison.Ordinal) ? "iPad" : comment.Contains("iPod", StringComparison.Ordinal) ? "iPod" : "iPhone";
            if (Find(comment, "OS ", out var ios))
            {
                osVersion = ios?.Replace('_', '.');
            }

            return;
        }

        if (Find(comment, "Mac OS X ", out var mac))
        {
            osName = "Mac OS X";
            osVersion = mac?.Replace('_', '.');
            device = "Mac";
            return;
        }

        if (comment.Contains("Android", StringComparison.Ordinal))
        {
            osName = "Android";
            Find(comment, "Android ", out var android);
            osVersion = android;
            device = AndroidDevice(comment);
            return;
        }

        if (Find(comment, "CrOS ", out _))
        {
            osName = "Chrome OS";
            var cros = comment[(comment.IndexOf("CrOS ", StringComparison.Ordinal) + 5)..];
            var space = cros.IndexOf(' ');
            osVersion = space < 0 ? null : Version(cros[(space + 1)..]);
            return;
        }

        if (comment.Contains("Ubuntu", StringComparison.Ordinal))
        {
            osName = "Ubuntu";
            return;
        }

        if (comment.Contains("Linux", StringComparison.Ordinal))
        {
            osName = "Linux";
        }
    }

    // (Linux; Android 14; Pixel 8) or (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K): the segment
    // after the Android one that is not a locale, with any " Build/..." suffix dropped.
    private static string? AndroidDevice(ReadOnlySpan<char> comment)
    {
        var seenAndroid = false;
        foreach (var range in comment.Split(';'))
        {
            var part = comment[range].Trim();
            if (part.StartsWith("Android", StringComparison.Ordinal))
            {
                seenAndroid = true;
                continue;
            }

            if (!seenAndroid || part.IsEmpty || (part.Length == 5 && part[2] == '-') || part.SequenceEqual("K") || part.SequenceEqual("wv"))
            {
                continue;
            }

            var build = part.IndexOf(" Build/", StringComparison.Ordinal);
            return (build >= 0 ? part[..build] : part).ToString();
        }

        return null;
    }

    // Tools name the platform loosely in any comment: (linux-gnu), (go1.20.8; linux; amd64), (Windows NT 10.0).
    private static string? CommentOsFamily(ReadOnlySpan<char> ua)
    {
        for (var open = ua.IndexOf('('); open >= 0; open = ua.IndexOf('('))
        {
            ua = ua[(open + 1)..];
            var close = ua.IndexOf(')');
            var comment = close < 0 ? ua : ua[..close];
            foreach (var (marker, family) in (ReadOnlySpan<(string, string)>)[("linux", "Linux"), ("windows", "Windows"), ("darwin", "Darwin"), ("mac os", "macOS"), ("macos", "macOS")])
            {
                if (comment.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return family;
                }
            }
        }

        return null;
    }

    private static bool IsOsProduct(ReadOnlySpan<char> name) =>
        name.Equals("Linux", StringComparison.OrdinalIgnoreCase) || name.Equals("Darwin", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Windows_NT", StringComparison.OrdinalIgnoreCase) || name.Equals("Windows", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("macOS", StringComparison.OrdinalIgnoreCase);

    private static string OsFamily(ReadOnlySpan<char> name)
    {
        if (name.Equals("linux", StringComparison.OrdinalIgnoreCase))
        {
            return "Linux";
        }

        if (name.Equals("darwin", StringComparison.OrdinalIgnoreCase))
        {
            return "Darwin";
        }

        if (name.Equals("macos", StringComparison.OrdinalIgnoreCase))
        {
            return "macOS";
        }

        if (name.StartsWith("windows", StringComparison.OrdinalIgnoreCase) || name.StartsWith("win", StringComparison.OrdinalIgnoreCase))
        {
            return "Windows";
        }

        return name.ToString();
    }

    // The version after a marker such as "Chrome/" or "Windows NT ": digits, dots and underscores.
    private static bool Product(ReadOnlySpan<char> ua, string marker, out string? version)
    {
        var at = ua.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            version = null;
            return false;
        }

        version = Version(ua[(at + marker.Length)..]);
        return true;
    }

    private static bool Find(ReadOnlySpan<char> text, string marker, out string? version)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        version = at < 0 ? null : Version(text[(at + marker.Length)..]);
        return at >= 0;
    }

    private static string? Version(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] is '.' or '_' or '-' or '+'))
        {
            length++;
        }

        return length == 0 ? null : text[..length].ToString();
    }

    private static string? NullIfEmpty(ReadOnlySpan<char> text) => text.IsEmpty ? null : text.ToString();
}
