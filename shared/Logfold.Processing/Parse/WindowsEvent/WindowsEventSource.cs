using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>PLACEHOLDER: the WindowsEvent module is being written; it claims nothing yet.</summary>
public sealed class WindowsEventSource : ISourceModule
{
    /// <inheritdoc />
    public string SourceType => SourceTypes.WindowsEvent;

    /// <inheritdoc />
    public double Score(ReadOnlySpan<byte> raw) => 0;

    /// <inheritdoc />
    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc) =>
        ParseResult.Fail("not_supported", "This source type is not supported yet.");
}
