namespace Logfold.Processing.Pipeline;

/// <summary>
/// The outcome of normalizing one event: success, or a Data failure with a stable machine-readable
/// <see cref="Reason"/> (a bounded set, used as a metric tag and DLQ header) and a human message.
/// </summary>
public readonly struct ParseResult
{
    private ParseResult(string? reason, string? message, ErrorCategory category)
    {
        Reason = reason;
        Message = message;
        Category = category;
    }

    /// <summary>Success.</summary>
    public static ParseResult Ok => default;

    /// <summary>True on success.</summary>
    public bool Success => Reason is null;

    /// <summary>The failure reason code, such as <c>truncated</c> or <c>invalid_json</c>; null on success.</summary>
    public string? Reason { get; }

    /// <summary>A human-readable explanation; null on success.</summary>
    public string? Message { get; }

    /// <summary>The failure's category: <see cref="ErrorCategory.Data"/> for bad input, <see cref="ErrorCategory.System"/> for a bug.</summary>
    public ErrorCategory Category { get; }

    /// <summary>A Data failure.</summary>
    public static ParseResult Fail(string reason, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new ParseResult(reason, message, ErrorCategory.Data);
    }

    /// <summary>A System failure: Logfold itself failed on this input (a parser bug).</summary>
    public static ParseResult SystemFailure(string reason, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new ParseResult(reason, message, ErrorCategory.System);
    }
}
