namespace Logfold.Processing.Stages;

/// <summary>Read access to a Kafka record's headers, without a reference to any Kafka client library.</summary>
public interface IRecordHeaders
{
    /// <summary>Finds the last header named <paramref name="name"/>; returns false when there is none.</summary>
    bool TryGetLast(string name, out ReadOnlyMemory<byte> value);
}
