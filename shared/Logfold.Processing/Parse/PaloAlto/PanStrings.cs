namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>Cached strings for the small closed sets PAN-OS columns repeat on every line (actions, protocols, types).</summary>
internal static class PanStrings
{
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

    private static readonly byte[][] Utf8 = Encode();

    /// <summary>The cached string equal to <paramref name="raw"/>, or null.</summary>
    public static string? TryGet(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > 24)
        {
            return null;
        }

        for (var i = 0; i < Utf8.Length; i++)
        {
            var v = Utf8[i];
            if (v.Length == raw.Length && v[0] == raw[0] && raw.SequenceEqual(v))
            {
                return Values[i];
            }
        }

        return null;
    }

    private static byte[][] Encode()
    {
        var result = new byte[Values.Length][];
        for (var i = 0; i < Values.Length; i++)
        {
            result[i] = System.Text.Encoding.ASCII.GetBytes(Values[i]);
        }

        return result;
    }
}
