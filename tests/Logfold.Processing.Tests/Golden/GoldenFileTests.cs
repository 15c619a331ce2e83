using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Golden;

public sealed class GoldenFileTests
{
    private static readonly LogNormalizer Normalizer = LogNormalizer.CreateDefault();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenFile.AllCases())
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenCase_MatchesExpected(string relativeCase)
    {
        var problems = GoldenFile.Verify(relativeCase, Normalizer);
        Assert.True(problems is null, problems);
    }

    [Fact]
    public void GoldenCases_EveryCoreSource_HasAtLeastTwentyFiveEvents()
    {
        foreach (var source in new[] { SourceTypes.PaloAlto, SourceTypes.WindowsEvent, SourceTypes.LinuxSyslog, SourceTypes.AwsCloudTrail })
        {
            var dir = Path.Combine(RepoPaths.TestData, source);
            var events = Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "*.log").Sum(f => File.ReadLines(f).Count(l => l.Length > 0))
                : 0;
            Assert.True(events >= 25, $"{source} has {events} golden events; at least 25 are required.");
        }
    }
}
