using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Json;

/// <summary>
/// One reusable output buffer and <see cref="Utf8JsonWriter"/> per thread, with the writer options the CLI's
/// NDJSON output uses, so a topic carries byte-for-byte the JSON the CLI prints.
/// </summary>
internal static class JsonBuffers
{
    /// <summary>Buffers that grew past this are dropped after use rather than kept for the thread's lifetime.</summary>
    private const int RetainLimit = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratchBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_scratchWriter;

    /// <summary>The writer options: relaxed escaping (UTF-8 text stays readable), no indentation.</summary>
    public static JsonWriterOptions WriterOptions => EcsDocument.OutputWriterOptions;

    /// <summary>Returns this thread's writer, reset onto an empty buffer.</summary>
    public static Utf8JsonWriter RentWriter(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>Copies what was written and releases oversized buffers.</summary>
    public static byte[] Finish(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > RetainLimit)
        {
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }

    /// <summary>A second writer for canonical-form checks while decoding (never the one in use for encoding).</summary>
    public static Utf8JsonWriter RentScratch(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_scratchBuffer ??= new ArrayBufferWriter<byte>(256);
        if (buffer.Capacity > RetainLimit)
        {
            buffer = t_scratchBuffer = new ArrayBufferWriter<byte>(256);
            t_scratchWriter = null;
        }

        buffer.ResetWrittenCount();
        var writer = t_scratchWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        return writer;
    }
}
