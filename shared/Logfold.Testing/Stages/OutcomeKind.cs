namespace Logfold.Testing.Stages;

/// <summary>Which verb a stage called.</summary>
public enum OutcomeKind
{
    /// <summary><c>Emit</c>.</summary>
    Emitted,

    /// <summary><c>DeadLetter</c>.</summary>
    DeadLettered,

    /// <summary><c>Filter</c>.</summary>
    Filtered,
}
