using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.Mitre;

/// <summary>
/// <c>mitre</c>: looks the event's source type and <c>event.code</c> (or <c>event.action</c>) up in the mapping
/// table and fills <c>threat.framework</c>, <c>threat.technique.{id,name,reference}</c>,
/// <c>threat.technique.subtechnique.{id,name,reference}</c> and <c>threat.tactic.{id,name,reference}</c> (arrays, in
/// table order). An event that already carries <c>threat.technique.id</c> is left alone unless <c>Overwrite</c>.
/// </summary>
internal sealed class MitreEnricher : IEnricher
{
    /// <summary>The value of <c>threat.framework</c>.</summary>
    public const string Framework = "MITRE ATT&CK";

    private static readonly FieldPath ThreatFramework = FieldPath.Of("threat.framework");
    private static readonly FieldPath TechniqueReference = FieldPath.Of("threat.technique.reference");
    private static readonly FieldPath SubId = FieldPath.Of("threat.technique.subtechnique.id");
    private static readonly FieldPath SubName = FieldPath.Of("threat.technique.subtechnique.name");
    private static readonly FieldPath SubReference = FieldPath.Of("threat.technique.subtechnique.reference");
    private static readonly FieldPath TacticReference = FieldPath.Of("threat.tactic.reference");

    private readonly IDataSnapshot<MitreTable> _table;
    private readonly bool _overwrite;

    public MitreEnricher(string name, IDataSnapshot<MitreTable> table, bool overwrite)
    {
        Name = name;
        _table = table;
        _overwrite = overwrite;
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var code = doc.GetString(Ecs.EventCode);
        var table = _table.Current;
        var action = table.UsesActions ? doc.GetString(Ecs.EventAction) : null;
        if (code is null && action is null)
        {
            return EnrichOutcome.Skipped;
        }

        if (!_overwrite && doc.Has(Ecs.ThreatTechniqueId))
        {
            return EnrichOutcome.Skipped;
        }

        var found = table.Find(doc.GetString(Ecs.LogfoldSource), code, action);
        if (found is null)
        {
            return EnrichOutcome.Miss;
        }

        if (_overwrite)
        {
            Clear(doc);
        }

        doc.Set(ThreatFramework, Framework);
        foreach (var t in found)
        {
            doc.Add(Ecs.ThreatTechniqueId, t.Id);
            doc.Add(Ecs.ThreatTechniqueName, t.Name);
            doc.Add(TechniqueReference, t.Reference);
            if (t.SubtechniqueId is not null)
            {
                doc.Add(SubId, t.SubtechniqueId);
                doc.Add(SubName, t.SubtechniqueName);
                doc.Add(SubReference, t.SubtechniqueReference);
            }

            foreach (var tactic in t.Tactics)
            {
                doc.Add(Ecs.ThreatTacticId, tactic.Id);
                doc.Add(Ecs.ThreatTacticName, tactic.Name);
                doc.Add(TacticReference, tactic.Reference);
            }
        }

        return EnrichOutcome.Hit;
    }

    private static void Clear(EcsDocument doc)
    {
        doc.Remove(Ecs.ThreatTechniqueId);
        doc.Remove(Ecs.ThreatTechniqueName);
        doc.Remove(TechniqueReference);
        doc.Remove(SubId);
        doc.Remove(SubName);
        doc.Remove(SubReference);
        doc.Remove(Ecs.ThreatTacticId);
        doc.Remove(Ecs.ThreatTacticName);
        doc.Remove(TacticReference);
    }
}
