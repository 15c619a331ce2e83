namespace Logfold.Contracts;

/// <summary>A record's bytes are not valid for the topic's format (a Data error: the record goes to the DLQ).</summary>
public sealed class RecordFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RecordFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
