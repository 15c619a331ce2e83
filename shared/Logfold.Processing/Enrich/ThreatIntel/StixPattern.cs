using System.Text;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Reads the simple subset of STIX 2.1 patterning that names atomic indicators: observations of
/// <c>[object:path = 'value']</c> comparisons joined by <c>OR</c>, inside and between brackets. Because the
/// whole pattern is a disjunction, each supported comparison is an indicator on its own; comparisons on other
/// objects or with other operators are dropped. A pattern with <c>AND</c>, <c>FOLLOWEDBY</c> or a qualifier
/// (<c>WITHIN</c>, <c>REPEATS</c>, <c>START</c>) cannot be reduced to atoms and is reported as unsupported.
/// </summary>
internal static class StixPattern
{
    /// <summary>The outcome of reading one pattern.</summary>
    public enum Result
    {
        /// <summary>Atoms were found.</summary>
        Atoms,

        /// <summary>Valid, but nothing this reader can match on its own.</summary>
        Unsupported,

        /// <summary>Not a valid pattern.</summary>
        SyntaxError,
    }

    /// <summary>Collects the pattern's atoms into <paramref name="atoms"/>.</summary>
    public static Result Parse(string pattern, List<(IndicatorKind Kind, string Value)> atoms, out string? error)
    {
        atoms.Clear();
        error = null;
        var pos = 0;
        var reducible = true;
        var expectObservation = true;
        while (true)
        {
            SkipSpace(pattern, ref pos);
            if (pos >= pattern.Length)
            {
                if (expectObservation)
                {
                    error = "the pattern ends where an observation '[...]' was expected.";
                    return Result.SyntaxError;
                }

                break;
            }

            if (pattern[pos] == '(' && expectObservation)
            {
                // Parentheses group observations; for a disjunction they change nothing.
                pos++;
                continue;
            }

            if (pattern[pos] == ')' && !expectObservation)
            {
                pos++;
                continue;
            }

            if (expectObservation)
            {
                if (pattern[pos] != '[')
                {
                    error = $"expected '[' at position {pos}.";
                    return Result.SyntaxError;
                }

                pos++;
                if (!ParseObservation(pattern, ref pos, atoms, ref reducible, out error))
                {
                    return Result.SyntaxError;
                }

                expectObservation = false;
                continue;
            }

            var word = ReadWord(pattern, ref pos);
            switch (word)
            {
                case "OR":
                    expectObservation = true;
                    break;
                case "AND" or "FOLLOWEDBY":
                    reducible = false;
                    expectObservation = true;
                    break;
                case "WITHIN" or "REPEATS" or "START" or "STOP":
                    // Qualifiers: skip their arguments; they make the pattern more than a set of atoms.
                    reducible = false;
                    SkipQualifierArgument(pattern, ref pos);
                    break;
                case "SECONDS" or "TIMES":
                    break;
                default:
                    error = $"unexpected '{word}' at position {pos}.";
                    return Result.SyntaxError;
            }
        }

        return reducible && atoms.Count > 0 ? Result.Atoms : Result.Unsupported;
    }

    private static bool ParseObservation(string p, ref int pos, List<(IndicatorKind, string)> atoms, ref bool reducible, out string? error)
    {
        error = null;
        while (true)
        {
            SkipSpace(p, ref pos);
            if (pos < p.Length && p[pos] == '(')
            {
                // Parenthesised groups: treat the parentheses as transparent.
                pos++;
                continue;
            }

            var path = ReadPath(p, ref pos);
            if (path.Length == 0 || !path.Contains(':', StringComparison.Ordinal))
            {
                error = $"expected an object path such as ipv4-addr:value at position {pos}.";
                return false;
            }

            SkipSpace(p, ref pos);
            var op = ReadOperator(p, ref pos);
            if (op.Length == 0)
            {
                error = $"expected a comparison operator after '{path}' at position {pos}.";
                return false;
            }

            SkipSpace(p, ref pos);
            string? value = null;
            if (pos < p.Length && p[pos] == '\'')
            {
                value = ReadString(p, ref pos, out error);
                if (error is not null)
                {
                    return false;
                }
            }
            else if (!SkipNonString(p, ref pos))
            {
                error = $"expected a value at position {pos}.";
                return false;
            }

            if (op == "=" && value is not null && KindOf(path) is { } kind)
            {
                atoms.Add((kind, value));
            }

            while (true)
            {
                SkipSpace(p, ref pos);
                if (pos < p.Length && p[pos] == ')')
                {
                    pos++;
                    continue;
                }

                break;
            }

            if (pos >= p.Length)
            {
                error = "an observation is not closed with ']'.";
                return false;
            }

            if (p[pos] == ']')
            {
                pos++;
                return true;
            }

            var word = ReadWord(p, ref pos);
            if (word == "AND")
            {
                reducible = false;
            }
            else if (word != "OR")
            {
                error = $"unexpected '{word}' at position {pos}.";
                return false;
            }
        }
    }

    private static IndicatorKind? KindOf(string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        var type = path[..colon];
        var property = path[(colon + 1)..];
        if (property == "value")
        {
            return type switch
            {
                "ipv4-addr" or "ipv6-addr" => IndicatorKind.Ip,
                "domain-name" => IndicatorKind.Domain,
                "url" => IndicatorKind.Url,
                _ => null,
            };
        }

        if (type == "file" && property.StartsWith("hashes.", StringComparison.Ordinal))
        {
            var name = property["hashes.".Length..].Trim('\'').Replace("-", string.Empty, StringComparison.Ordinal);
            return name.ToUpperInvariant() switch
            {
                "MD5" => IndicatorKind.Md5,
                "SHA1" => IndicatorKind.Sha1,
                "SHA256" => IndicatorKind.Sha256,
                _ => null,
            };
        }

        return null;
    }

    private static void SkipSpace(string p, ref int pos)
    {
        while (pos < p.Length && char.IsWhiteSpace(p[pos]))
        {
            pos++;
        }
    }

    private static string ReadWord(string p, ref int pos)
    {
        SkipSpace(p, ref pos);
        var start = pos;
        while (pos < p.Length && char.IsAsciiLetter(p[pos]))
        {
            pos++;
        }

        return start == pos && pos < p.Length ? p[pos++].ToString() : p[start..pos];
    }

    private static string ReadPath(string p, ref int pos)
    {
        var start = pos;
        while (pos < p.Length)
        {
            var c = p[pos];
            if (c == '\'')
            {
                var close = p.IndexOf('\'', pos + 1);
                if (close < 0)
                {
                    return string.Empty;
                }

                pos = close + 1;
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '[' or ']' or '*')
            {
                // ']' only belongs to a path as a list index such as extensions[*]; the closing bracket ends it.
                if (c == ']' && (pos == start || p[pos - 1] is not ('*' or >= '0' and <= '9')))
                {
                    break;
                }

                pos++;
                continue;
            }

            break;
        }

        return p[start..pos];
    }

    private static string ReadOperator(string p, ref int pos)
    {
        var start = pos;
        if (pos < p.Length && p[pos] is '=' or '!' or '<' or '>')
        {
            while (pos < p.Length && p[pos] is '=' or '!' or '<' or '>')
            {
                pos++;
            }

            return p[start..pos];
        }

        var word = ReadWord(p, ref pos);
        if (word == "NOT")
        {
            word = ReadWord(p, ref pos);
        }

        return word is "LIKE" or "MATCHES" or "IN" or "ISSUBSET" or "ISSUPERSET" ? word : string.Empty;
    }

    private static string? ReadString(string p, ref int pos, out string? error)
    {
        error = null;
        var sb = new StringBuilder();
        pos++;
        while (pos < p.Length)
        {
            var c = p[pos++];
            if (c == '\\' && pos < p.Length)
            {
                sb.Append(p[pos++]);
                continue;
            }

            if (c == '\'')
            {
                return sb.ToString();
            }

            sb.Append(c);
        }

        error = "a quoted string is not closed.";
        return null;
    }

    private static bool SkipNonString(string p, ref int pos)
    {
        // Numbers, booleans, t'...' timestamps, b'...' binaries and ( ... ) sets.
        var start = pos;
        var depth = 0;
        while (pos < p.Length)
        {
            var c = p[pos];
            if (c == '\'')
            {
                var close = p.IndexOf('\'', pos + 1);
                if (close < 0)
                {
                    return false;
                }

                pos = close + 1;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && (char.IsWhiteSpace(c) || c == ']'))
            {
                break;
            }

            pos++;
        }

        return pos > start;
    }

    private static void SkipQualifierArgument(string p, ref int pos)
    {
        SkipSpace(p, ref pos);
        while (pos < p.Length && !char.IsWhiteSpace(p[pos]))
        {
            if (p[pos] == '\'')
            {
                var close = p.IndexOf('\'', pos + 1);
                pos = close < 0 ? p.Length : close + 1;
                continue;
            }

            pos++;
        }
    }
}
