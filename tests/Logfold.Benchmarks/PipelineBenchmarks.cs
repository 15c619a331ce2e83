using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Benchmarks;

/// <summary>
/// Per-source cost of detection alone and of the whole detect → normalize → write-JSON path, over each
/// source's golden events. Each invocation runs <see cref="EventsPerInvoke"/> events, so results are per event.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks : IDisposable
{
    private const int EventsPerInvoke = 25;

    private LogNormalizer _normalizer = null!;
    private byte[][] _events = null!;
    private readonly EcsDocument _doc = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private Utf8JsonWriter _writer = null!;
    private NormalizeContext _context = null!;

    [Params(SourceTypes.PaloAlto, SourceTypes.WindowsEvent, SourceTypes.LinuxSyslog, SourceTypes.AwsCloudTrail)]
    public string Source { get; set; } = SourceTypes.LinuxSyslog;

    [GlobalSetup]
    public void Setup()
    {
        _normalizer = LogNormalizer.CreateDefault();
        var all = BenchmarkData.ForSource(Source);
        _events = new byte[EventsPerInvoke][];
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            _events[i] = all[i % all.Length];
        }

        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _context = new NormalizeContext { Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow) };
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public double Detect()
    {
        var total = 0.0;
        foreach (var e in _events)
        {
            total += _normalizer.Detect(e).Confidence;
        }

        return total / _events.Length;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int DetectNormalizeWrite()
    {
        var written = 0;
        foreach (var e in _events)
        {
            var detection = _normalizer.Detect(e);
            if (_normalizer.Normalize(e, detection, _context, _doc).Success)
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

    [GlobalCleanup]
    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
