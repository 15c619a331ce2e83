using Logfold.Processing.Detect;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Tests.Detect;

public sealed class SourceDetectorTests
{
    private sealed class FixedScore(string type, double score) : ISourceModule
    {
        public string SourceType => type;

        public double Score(ReadOnlySpan<byte> raw) => score;

        public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc) => ParseResult.Ok;
    }

    private sealed class Throwing : ISourceModule
    {
        public string SourceType => "throwing";

        public double Score(ReadOnlySpan<byte> raw) => throw new InvalidOperationException("bug");

        public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc) => throw new InvalidOperationException("bug");
    }

    private static SourceDetector Detector(params ISourceModule[] modules) => new(modules, new DetectionOptions());

    [Fact]
    public void Detect_BestAboveThreshold_WinsWithRankedAlternatives()
    {
        var detector = Detector(new FixedScore(SourceTypes.LinuxSyslog, 0.86), new FixedScore(SourceTypes.PaloAlto, 0.97), new FixedScore(SourceTypes.WindowsEvent, 0));

        var result = detector.Detect("x"u8);

        Assert.Equal(SourceTypes.PaloAlto, result.SourceType);
        Assert.Equal(0.97, result.Confidence, 6);
        Assert.Equal([SourceTypes.PaloAlto, SourceTypes.LinuxSyslog], result.Alternatives.Select(a => a.SourceType));
        Assert.Null(result.BestGuess);
    }

    [Fact]
    public void Detect_BestBelowItsThreshold_IsUnknownWithBestGuess()
    {
        var detector = Detector(new FixedScore(SourceTypes.WindowsEvent, 0.89), new FixedScore(SourceTypes.LinuxSyslog, 0.3));

        var result = detector.Detect("x"u8);

        Assert.Equal(SourceTypes.Unknown, result.SourceType);
        Assert.Equal(SourceTypes.WindowsEvent, result.BestGuess);
        Assert.Equal(0.89, result.Confidence, 6);
        Assert.Null(result.Module);
    }

    [Fact]
    public void Detect_ThresholdFromConfig_IsHonoured()
    {
        var options = new DetectionOptions();
        options.Thresholds[SourceTypes.WindowsEvent] = 0.5;
        var detector = new SourceDetector([new FixedScore(SourceTypes.WindowsEvent, 0.6)], options);

        Assert.Equal(SourceTypes.WindowsEvent, detector.Detect("x"u8).SourceType);
    }

    [Fact]
    public void Detect_ConfirmedHint_SkipsSearchAndAgrees()
    {
        var detector = Detector(new FixedScore(SourceTypes.LinuxSyslog, 0.9), new FixedScore(SourceTypes.PaloAlto, 0.99));

        var result = detector.Detect("x"u8, SourceTypes.LinuxSyslog);

        Assert.Equal(SourceTypes.LinuxSyslog, result.SourceType);
        Assert.False(result.HintDisagreed);
        Assert.Single(result.Alternatives);
    }

    [Fact]
    public void Detect_HintContradictedByConfidentOther_RecordsDisagreement()
    {
        var detector = Detector(new FixedScore(SourceTypes.LinuxSyslog, 0.2), new FixedScore(SourceTypes.PaloAlto, 0.99));

        var result = detector.Detect("x"u8, SourceTypes.LinuxSyslog);

        Assert.Equal(SourceTypes.PaloAlto, result.SourceType);
        Assert.True(result.HintDisagreed);
        Assert.Equal(SourceTypes.LinuxSyslog, result.Hint);
    }

    [Fact]
    public void Detect_WeakHintNobodyContradicts_Stands()
    {
        var detector = Detector(new FixedScore(SourceTypes.LinuxSyslog, 0.4), new FixedScore(SourceTypes.PaloAlto, 0.5));

        var result = detector.Detect("x"u8, SourceTypes.LinuxSyslog);

        Assert.Equal(SourceTypes.LinuxSyslog, result.SourceType);
        Assert.False(result.HintDisagreed);
    }

    [Fact]
    public void Detect_UnknownHintName_SearchesAndRecordsIt()
    {
        var detector = Detector(new FixedScore(SourceTypes.PaloAlto, 0.99));

        var result = detector.Detect("x"u8, "no_such_type");

        Assert.Equal(SourceTypes.PaloAlto, result.SourceType);
        Assert.True(result.HintDisagreed);
    }

    [Fact]
    public void Detect_ScorerThrows_ModuleClaimsNothing()
    {
        var detector = Detector(new Throwing(), new FixedScore(SourceTypes.PaloAlto, 0.95));

        Assert.Equal(SourceTypes.PaloAlto, detector.Detect("x"u8).SourceType);
    }

    [Fact]
    public void Normalize_ParserThrows_BecomesSystemFailureNotException()
    {
        var normalizer = new LogNormalizer([new Throwing(), new FixedScore("always", 1)], new DetectionOptions());
        var detection = new DetectionResult { SourceType = "throwing", Confidence = 1, Alternatives = [], Module = new Throwing() };

        var result = normalizer.Normalize("x"u8, detection, NormalizeContext.Default, new EcsDocument());

        Assert.False(result.Success);
        Assert.Equal(ErrorCategory.System, result.Category);
        Assert.Equal("parser_exception", result.Reason);
    }

    [Fact]
    public void DetectionOptions_ThresholdOutOfRange_FailsValidation()
    {
        var options = new DetectionOptions();
        options.Thresholds["x"] = 1.5;

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(errors);
        Assert.Contains("'x'", errors[0].ErrorMessage, StringComparison.Ordinal);
    }
}
