using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Logfold.Processing.Model;

namespace Logfold.Benchmarks;

/// <summary>
/// Writing already-normalized documents as JSON with the CLI's writer settings (<c>--filter '*WriteJson*'</c>).
/// </summary>
[MemoryDiagnoser]
public class WriteJsonBenchmarks : SourceBenchmark, IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private EcsDocument[] _docs = null!;
    private Utf8JsonWriter _writer = null!;

    /// <summary>Set-up: each event is normalized once into its own document.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUpSource();
        _docs = new EcsDocument[Events.Length];
        for (var i = 0; i < Events.Length; i++)
        {
            _docs[i] = new EcsDocument();
            var result = Normalizer.Normalize(Events[i], Normalizer.Detect(Events[i]), Context, _docs[i]);
            if (!result.Success)
            {
                throw new InvalidOperationException($"A golden {Source} event failed: {result.Reason}.");
            }
        }

        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes each document.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int WriteJson()
    {
        var written = 0;
        foreach (var doc in _docs)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            doc.WriteTo(_writer);
            _writer.Flush();
            written += _buffer.WrittenCount;
        }

        return written;
    }

    /// <summary>Releases the writer.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
