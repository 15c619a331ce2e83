namespace Logfold.Processing.Enrich;

/// <summary>
/// An enrichment data file (IOC list, asset table, MMDB, ranges file...) could not be loaded. The message
/// names the file and, where known, the line, so an operator can fix it. On reload the old data stays in use.
/// </summary>
public sealed class EnrichmentDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnrichmentDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EnrichmentDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EnrichmentDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
