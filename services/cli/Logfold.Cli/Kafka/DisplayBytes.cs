using System.Text;
using System.Text.Unicode;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Bytes for a terminal: UTF-8 text as is when it has no control characters other than tab and line breaks
/// (so a record cannot send escape sequences to the operator's terminal), base64 otherwise.
/// </summary>
internal static class DisplayBytes
{
    public static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var rune in Encoding.UTF8.GetString(bytes).EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>name: text</c>, or <c>name (base64): …</c>, or <c>name: (null)</c>.</summary>
    public static string Field(string name, byte[]? bytes) =>
        bytes is null ? $"{name}: (null)"
        : IsPrintable(bytes) ? $"{name}: {Encoding.UTF8.GetString(bytes)}"
        : $"{name} (base64): {Convert.ToBase64String(bytes)}";

    /// <summary>A header name for one line of output: control characters become <c>?</c>.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
