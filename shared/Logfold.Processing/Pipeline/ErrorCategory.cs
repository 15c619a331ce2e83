namespace Logfold.Processing.Pipeline;

/// <summary>How a failure is handled. Every failure in Logfold is classified as one of these.</summary>
public enum ErrorCategory
{
    /// <summary>The input itself is bad; retrying cannot help. Goes straight to the DLQ.</summary>
    Data = 0,

    /// <summary>A dependency hiccup (timeouts, 429, broker unavailable); retried with backoff, then dead-lettered.</summary>
    Transient = 1,

    /// <summary>A bug or an environment fault in Logfold itself; dead-lettered with the exception type.</summary>
    System = 2,

    /// <summary>The configuration is wrong; the service stops with a clear message.</summary>
    Config = 3,
}
