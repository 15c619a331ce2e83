namespace Logfold.Processing.Pipeline;

/// <summary>
/// A source whose single input can hold many events (the CloudTrail <c>{"Records":[...]}</c> file).
/// Expansion happens before detection, so each part is detected and normalized on its own.
/// </summary>
public interface IExpandingSource
{
    /// <summary>
    /// When <paramref name="raw"/> is a container, adds each contained event to <paramref name="parts"/>
    /// and returns true. Returns false for a single event.
    /// </summary>
    bool TryExpand(ReadOnlyMemory<byte> raw, List<ReadOnlyMemory<byte>> parts);
}
