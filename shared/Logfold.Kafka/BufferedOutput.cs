using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.Kafka;

/// <summary>
/// Holds one record's outcomes until the stage returns, so that a stage that throws halfway leaves nothing
/// behind. Reused for every record.
/// </summary>
internal sealed class BufferedOutput : IRecordOutput
{
    private Outcome[] _items = new Outcome[4];

    public enum Kind
    {
        Emit,
        DeadLetter,
        Filter,
    }

    public int Count { get; private set; }

    public ReadOnlySpan<Outcome> Outcomes => _items.AsSpan(0, Count);

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    public void Emit(byte[]? key, byte[] value, IReadOnlyList<RecordHeader>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(new Outcome { Kind = Kind.Emit, Key = key, Value = value, Headers = headers });
    }

    public void DeadLetter(string reason, string detail, Exception? exception = null, ErrorCategory category = ErrorCategory.Data)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Add(new Outcome { Kind = Kind.DeadLetter, Reason = reason, Detail = detail ?? reason, Exception = exception, Category = category });
    }

    public void Filter(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Add(new Outcome { Kind = Kind.Filter, Reason = reason });
    }

    /// <summary>Turns the whole record into one <c>output_too_large</c> DLQ entry when any output exceeds the cap.</summary>
    public void CheckSizes(int maxBytes)
    {
        foreach (ref readonly var o in Outcomes)
        {
            if (o.Kind == Kind.Emit && o.Value!.Length > maxBytes)
            {
                var size = o.Value.Length;
                Clear();
                DeadLetter("output_too_large", $"An output is {size} bytes; the limit is {maxBytes}.", null, ErrorCategory.Data);
                return;
            }
        }
    }

    private void Add(in Outcome outcome)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = outcome;
    }

    internal struct Outcome
    {
        public Kind Kind;
        public byte[]? Key;
        public byte[]? Value;
        public IReadOnlyList<RecordHeader>? Headers;
        public string? Reason;
        public string? Detail;
        public Exception? Exception;
        public ErrorCategory Category;
    }
}
