namespace Logfold.Kafka;

/// <summary>
/// The stage cannot go on (a Config failure, a fatal client error, a fenced producer). The host stops with this
/// message so that the orchestrator restarts it.
/// </summary>
public sealed class StageFatalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StageFatalException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StageFatalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StageFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
