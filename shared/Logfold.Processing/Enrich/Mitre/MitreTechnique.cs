namespace Logfold.Processing.Enrich.Mitre;

/// <summary>
/// One mapping's result: a technique (and sub-technique, when the id has a <c>.NNN</c> part) with its tactics.
/// Sub-technique names follow ATT&amp;CK's "Technique: Sub-technique" form, e.g.
/// <c>Indicator Removal: Clear Windows Event Logs</c>.
/// </summary>
internal sealed record MitreTechnique(
    string Id,
    string Name,
    string Reference,
    string? SubtechniqueId,
    string? SubtechniqueName,
    string? SubtechniqueReference,
    MitreTactic[] Tactics)
{
    /// <summary>Builds the technique from an id (<c>T1070</c> or <c>T1070.001</c>) and its display name.</summary>
    /// <exception cref="FormatException">The id or name is malformed.</exception>
    public static MitreTechnique Create(string id, string name, MitreTactic[] tactics)
    {
        if (!IsTechniqueId(id))
        {
            throw new FormatException($"'{id}' is not a technique id like T1070 or T1070.001.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException($"technique {id} has no name.");
        }

        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return new MitreTechnique(id, name, $"https://attack.mitre.org/techniques/{id}/", null, null, null, tactics);
        }

        var colon = name.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon + 2 >= name.Length)
        {
            throw new FormatException($"sub-technique {id} needs a name like 'Technique: Sub-technique', not '{name}'.");
        }

        var parent = id[..dot];
        return new MitreTechnique(
            parent,
            name[..colon],
            $"https://attack.mitre.org/techniques/{parent}/",
            id,
            name[(colon + 2)..],
            $"https://attack.mitre.org/techniques/{parent}/{id[(dot + 1)..]}/",
            tactics);
    }

    private static bool IsTechniqueId(string id)
    {
        // T + 4 digits, optionally . + 3 digits.
        if (id.Length is not (5 or 9) || id[0] != 'T')
        {
            return false;
        }

        for (var i = 1; i < id.Length; i++)
        {
            var ok = i == 5 ? id[i] == '.' : char.IsAsciiDigit(id[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
