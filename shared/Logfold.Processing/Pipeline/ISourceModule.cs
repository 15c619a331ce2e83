using Logfold.Processing.Model;

namespace Logfold.Processing.Pipeline;

/// <summary>
/// One source type: how to recognise it and how to map it to ECS. Implementations are stateless and
/// thread-safe; per-event state lives in the <see cref="EcsDocument"/> passed in.
/// </summary>
public interface ISourceModule
{
    /// <summary>The source type name, one of <see cref="SourceTypes"/>.</summary>
    string SourceType { get; }

    /// <summary>
    /// How sure this module is that <paramref name="raw"/> is its source, in [0,1]. Must be cheap (a few
    /// hundred nanoseconds): it runs for every module on every event. Never throws.
    /// </summary>
    double Score(ReadOnlySpan<byte> raw);

    /// <summary>
    /// Parses <paramref name="raw"/> and writes ECS fields into <paramref name="doc"/>. Returns a Data
    /// failure for input it cannot parse; may throw only on bugs (the caller converts that to a System error).
    /// </summary>
    ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc);
}
