namespace Logfold.Testing.Conformance;

/// <summary>The counts for one corpus source folder.</summary>
public sealed class SourceStats(string source)
{
    /// <summary>The folder name, which is the detection label.</summary>
    public string Source { get; } = source;

    /// <summary>Events read.</summary>
    public int Events { get; set; }

    /// <summary>Events detected as the folder's label.</summary>
    public int Correct { get; set; }

    /// <summary>What the misdetected events were detected as.</summary>
    public Dictionary<string, int> Confusions { get; } = new(StringComparer.Ordinal);

    /// <summary>Agreement on the ECS fields the normalizer must produce (the primary score).</summary>
    public Tally Primary { get; } = new();

    /// <summary>Agreement on every other ECS field.</summary>
    public Tally OtherEcs { get; } = new();

    /// <summary>Agreement on vendor-namespace fields (secondary score).</summary>
    public Tally Vendor { get; } = new();

    /// <summary>Primary-field disagreements by field, with one example.</summary>
    public Dictionary<string, FieldMiss> FieldMisses { get; } = new(StringComparer.Ordinal);

    /// <summary>Agreeing fields out of compared fields.</summary>
    public sealed class Tally
    {
        /// <summary>Fields that agreed.</summary>
        public int Agree { get; set; }

        /// <summary>Fields compared.</summary>
        public int Total { get; set; }

        /// <summary>The agreement ratio in [0,1] (1 when nothing was compared).</summary>
        public double Ratio => Total == 0 ? 1 : (double)Agree / Total;
    }

    /// <summary>How often one field disagreed, and one example.</summary>
    public sealed class FieldMiss
    {
        /// <summary>The number of disagreements.</summary>
        public int Count { get; set; }

        /// <summary>An example, "expected → actual".</summary>
        public string Example { get; set; } = string.Empty;
    }
}
