namespace Logfold.Processing.Enrich.Mitre;

/// <summary>An ATT&amp;CK tactic (<c>TA0005</c> Defense Evasion) with its reference URL.</summary>
internal sealed record MitreTactic(string Id, string Name, string Reference)
{
    // The Enterprise ATT&CK tactics, so a table names tactics by id only.
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["TA0043"] = "Reconnaissance",
        ["TA0042"] = "Resource Development",
        ["TA0001"] = "Initial Access",
        ["TA0002"] = "Execution",
        ["TA0003"] = "Persistence",
        ["TA0004"] = "Privilege Escalation",
        ["TA0005"] = "Defense Evasion",
        ["TA0006"] = "Credential Access",
        ["TA0007"] = "Discovery",
        ["TA0008"] = "Lateral Movement",
        ["TA0009"] = "Collection",
        ["TA0011"] = "Command and Control",
        ["TA0010"] = "Exfiltration",
        ["TA0040"] = "Impact",
    };

    /// <summary>The Enterprise tactic with this id, or null.</summary>
    public static MitreTactic? Enterprise(string id) =>
        Names.TryGetValue(id, out var name) ? new MitreTactic(id, name, $"https://attack.mitre.org/tactics/{id}/") : null;

    /// <summary>The known tactic ids, for error messages.</summary>
    public static string KnownIds => string.Join(", ", Names.Keys);
}
