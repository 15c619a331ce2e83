using System.Buffers.Binary;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>
/// The headers the load tool adds to every raw event and carries through every stage: the event's sequence number
/// (to prove each input arrives exactly once) and its send time (a <see cref="TimeProvider.GetTimestamp"/> value,
/// for end-to-end latency at full clock resolution).
/// </summary>
internal static class LoadHeaders
{
    public const string Sequence = "logfold.load.seq";
    public const string SentAt = "logfold.load.sent";

    public static byte[] Encode(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out long value)
    {
        if (bytes.Length != 8)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return true;
    }

    /// <summary>The two load headers of <paramref name="headers"/>, or null when either is missing.</summary>
    public static RecordHeader[]? Carry(IRecordHeaders? headers)
    {
        if (headers is null || !headers.TryGetLast(Sequence, out var seq) || !headers.TryGetLast(SentAt, out var sent))
        {
            return null;
        }

        return [new RecordHeader(Sequence, seq.ToArray()), new RecordHeader(SentAt, sent.ToArray())];
    }
}
