using Logfold.Processing.Enrich;

namespace Logfold.Processing.Tests.Enrich;

/// <summary>A snapshot a test can swap, as a reload would.</summary>
internal sealed class SwappableSnapshot<T>(T initial) : IDataSnapshot<T>
    where T : class
{
    public T Current { get; set; } = initial;
}
