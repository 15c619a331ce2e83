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

    /// <summary>Set-up: each event is normalized once into its own document (golden failure cases are skipped).</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUpSource();
        var docs = new List<EcsDocument>();
        var all = BenchmarkData.ForSource(Source);
        for (var i = 0; docs.Count < EventsPerInvoke && i < all.Length * EventsPerInvoke; i++)
        {
            var e = all[i % all.Length];
            var doc = new EcsDocument();
            if (Normalizer.Normalize(e, Normalizer.Detect(e), Context, doc).Success)
            {
                docs.Add(doc);
            }
        }

        if (docs.Count < EventsPerInvoke)
        {
            throw new InvalidOperationException($"No golden {Source} event normalizes.");
        }

        _docs = [.. docs];
        _writer = new Utf8JsonWriter(_buffer, EcsDocument.OutputWriterOptions);
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
