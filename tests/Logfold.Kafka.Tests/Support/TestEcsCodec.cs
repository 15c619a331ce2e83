using System.Text;
using Logfold.Contracts;
using Logfold.Processing.Model;

namespace Logfold.Kafka.Tests.Support;

/// <summary>Encodes an ECS document as its JSON rendering (tests only read it back as JSON).</summary>
internal sealed class TestEcsCodec : IRecordCodec<EcsDocument>
{
    public string Format => "json";

    public byte[] Encode(EcsDocument value) => Encoding.UTF8.GetBytes(value.ToJson());

    public void Decode(ReadOnlySpan<byte> bytes, EcsDocument into) => throw new NotSupportedException("Tests read ECS output as JSON.");
}
