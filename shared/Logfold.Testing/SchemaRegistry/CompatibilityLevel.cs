namespace Logfold.Testing.SchemaRegistry;

/// <summary>The Schema Registry compatibility levels.</summary>
public enum CompatibilityLevel
{
    /// <summary>No check.</summary>
    None,

    /// <summary>The new schema can read data written with the latest one.</summary>
    Backward,

    /// <summary>The new schema can read data written with every earlier one.</summary>
    BackwardTransitive,

    /// <summary>The latest schema can read data written with the new one.</summary>
    Forward,

    /// <summary>Every earlier schema can read data written with the new one.</summary>
    ForwardTransitive,

    /// <summary>Backward and forward against the latest schema.</summary>
    Full,

    /// <summary>Backward and forward against every earlier schema.</summary>
    FullTransitive,
}
