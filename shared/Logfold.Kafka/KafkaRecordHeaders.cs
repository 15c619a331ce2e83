using Confluent.Kafka;
using Logfold.Processing.Stages;

namespace Logfold.Kafka;

/// <summary>Adapts Confluent headers to the pure <see cref="IRecordHeaders"/>. One instance is reused per record.</summary>
internal sealed class KafkaRecordHeaders : IRecordHeaders
{
    public Headers? Current { get; set; }

    public bool TryGetLast(string name, out ReadOnlyMemory<byte> value)
    {
        if (Current is not null && Current.TryGetLastBytes(name, out var bytes))
        {
            value = bytes ?? [];
            return true;
        }

        value = default;
        return false;
    }
}
