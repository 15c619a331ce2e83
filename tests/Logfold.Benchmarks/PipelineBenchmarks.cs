using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Logfold.Processing.Model;

namespace Logfold.Benchmarks;

/// <summary>
/// The whole per-event path the CLI runs: detect → normalize → write JSON (<c>--filter '*Pipeline*'</c>).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks : SourceBenchmark, IDisposable
{
    private readonly EcsDocument _doc = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private Utf8JsonWriter _writer = null!;

    /// <summary>Set-up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUpSource();
        _writer = new Utf8JsonWriter(_buffer, EcsDocument.OutputWriterOptions);
    }

    /// <summary>Detects, normalizes and writes each event.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int DetectNormalizeWrite()
    {
        var written = 0;
        foreach (var e in Events)
        {
            var detection = Normalizer.Detect(e);
            if (Normalizer.Normalize(e, detection, Context, _doc).Success)
            {
                _buffer.ResetWrittenCount();
                _writer.Reset(_buffer);
                _doc.WriteTo(_writer);
                _writer.Flush();
                written += _buffer.WrittenCount;
            }
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
