namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>Cached strings for the small closed sets PAN-OS columns repeat on every line (actions, protocols, types).</summary>
internal static class PanStrings
{
    private const int MaxLength = 24;

    private static readonly string[] Values =
    [
        "0", "1", "0x0", "N/A", "any", "allow", "deny", "drop", "alert", "reset-both", "reset-client", "reset-server",
        "block-url", "tcp", "udp", "icmp", "end", "start", "vsys1", "trust", "untrust", "client-to-server",
        "server-to-client", "success", "failure", "login", "logout", "informational", "low", "medium", "high",
        "critical", "TRAFFIC", "THREAT", "SYSTEM", "CONFIG", "USERID", "GLOBALPROTECT", "HIPMATCH", "DECRYPTION",
        "AUTHENTICATION", "url", "file", "virus", "spyware", "vulnerability", "wildfire", "general", "aged-out",
        "tcp-fin", "tcp-rst-from-client", "tcp-rst-from-server", "policy-deny", "threat", "from-policy",
        "from-application", "Succeeded", "Failed", "set", "edit", "delete", "Web", "CLI", "0x8000000000000000",
        "4294967295", "incomplete", "not-applicable", "ethernet1/1", "ethernet1/2", "ethernet1/3",
    ];

    // Candidates grouped by byte length, so a lookup compares against a handful of values rather than all of them.
    private static readonly Entry[][] ByLength = Group();

    /// <summary>The cached string equal to <paramref name="raw"/>, or null.</summary>
    public static string? TryGet(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxLength || raw.IsEmpty)
        {
            return null;
        }

        var first = raw[0];
        foreach (var entry in ByLength[raw.Length])
        {
            if (entry.Utf8[0] == first && raw.SequenceEqual(entry.Utf8))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static Entry[][] Group()
    {
        var groups = new List<Entry>[MaxLength + 1];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = [];
        }

        foreach (var value in Values)
        {
            groups[value.Length].Add(new Entry(System.Text.Encoding.ASCII.GetBytes(value), value));
        }

        var result = new Entry[groups.Length][];
        for (var i = 0; i < groups.Length; i++)
        {
            result[i] = [.. groups[i]];
        }

        return result;
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
