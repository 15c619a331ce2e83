namespace Logfold.Processing.Enrich;

/// <summary>An <see cref="IDataSnapshot{T}"/> that never changes (tests, and data built in code).</summary>
/// <typeparam name="T">The data type.</typeparam>
public sealed class FixedSnapshot<T> : IDataSnapshot<T>
    where T : class
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public FixedSnapshot(T value) => Current = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public T Current { get; }
}
