using System.Text;
using Logfold.Contracts;

namespace Logfold.Kafka.Tests.Support;

/// <summary>A small binary codec for tests (the real JSON and Avro codecs live in Logfold.Serialization).</summary>
internal sealed class TestDetectedCodec : IRecordCodec<DetectedRecord>
{
    public string Format => "test";

    public byte[] Encode(DetectedRecord value)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)0x7E);
            w.Write(value.Source);
            w.Write(value.Confidence);
            w.Write(value.BestGuess ?? "");
            w.Write(value.Hint ?? "");
            w.Write(value.HintDisagreed);
            w.Write(value.SourceHost ?? "");
            w.Write(value.RawTimestampMs);
            w.Write(value.Alternatives.Count);
            foreach (var a in value.Alternatives)
            {
                w.Write(a.Source);
                w.Write(a.Score);
            }

            w.Write(value.Raw.Length);
            w.Write(value.Raw);
        }

        return ms.ToArray();
    }

    public void Decode(ReadOnlySpan<byte> bytes, DetectedRecord into)
    {
        into.Reset();
        if (bytes.Length == 0 || bytes[0] != 0x7E)
        {
            throw new RecordFormatException("Not a test-encoded detected record.");
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8);
            r.ReadByte();
            into.Source = r.ReadString();
            into.Confidence = r.ReadDouble();
            into.BestGuess = NullIfEmpty(r.ReadString());
            into.Hint = NullIfEmpty(r.ReadString());
            into.HintDisagreed = r.ReadBoolean();
            into.SourceHost = NullIfEmpty(r.ReadString());
            into.RawTimestampMs = r.ReadInt64();
            var n = r.ReadInt32();
            for (var i = 0; i < n; i++)
            {
                into.Alternatives.Add(new DetectedAlternative(r.ReadString(), r.ReadDouble()));
            }

            var len = r.ReadInt32();
            into.Raw = r.ReadBytes(len);
            if (into.Raw.Length != len)
            {
                throw new RecordFormatException("Truncated test-encoded detected record.");
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new RecordFormatException("Truncated test-encoded detected record.", ex);
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
