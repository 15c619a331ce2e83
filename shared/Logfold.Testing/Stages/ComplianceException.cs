namespace Logfold.Testing.Stages;

/// <summary>A stage broke its contract (an input dropped, counts that do not reconcile, metrics that disagree).</summary>
public sealed class ComplianceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComplianceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ComplianceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ComplianceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
