using Avro.Generic;
using Logfold.Contracts;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Avro;

/// <summary>
/// <see cref="EcsDocument"/> as <c>logfold.v1.NormalizedEvent</c> (schemas/NormalizedEvent.avsc) in Confluent wire
/// format. Typed ECS fields fill nested optional records; every other value goes to the <c>other</c> map, so the
/// round trip keeps every field and its kind (see <see cref="EcsAvroMapping"/>). Thread-safe.
/// </summary>
internal sealed class AvroEcsDocumentCodec : IRecordCodec<EcsDocument>, IDisposable
{
    [ThreadStatic]
    private static List<FieldPath>? t_fields;

    private readonly ConfluentAvroClient _client;
    private readonly EcsAvroMapping _mapping;
    private readonly FieldPathBudget _budget;

    /// <summary>Creates the codec over a client for the target topic.</summary>
    public AvroEcsDocumentCodec(ConfluentAvroClient client, int maxNewFieldPaths = FieldPathBudget.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _mapping = EcsAvroMapping.For(AvroSchemas.Get(AvroSchemas.NormalizedEvent));
        _budget = new FieldPathBudget(maxNewFieldPaths);
    }

    /// <inheritdoc />
    public string Format => "avro";

    /// <inheritdoc />
    public byte[] Encode(EcsDocument value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _client.Serialize(_mapping.ToRecord(value, t_fields ??= new List<FieldPath>(64)));
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> bytes, EcsDocument into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var record = _client.Deserialize(bytes);
        if (record.Schema.Name != AvroSchemas.NormalizedEvent)
        {
            throw new RecordFormatException($"The record is a {record.Schema.Fullname}, not a {AvroSchemas.NormalizedEvent}.");
        }

        try
        {
            EcsAvroMapping.For(record.Schema).ToDocument(record, into, _budget);
        }
        catch (RecordFormatException)
        {
            into.Reset();
            throw;
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException or KeyNotFoundException)
        {
            into.Reset();
            throw new RecordFormatException($"The {AvroSchemas.NormalizedEvent} record does not have the expected shape: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
