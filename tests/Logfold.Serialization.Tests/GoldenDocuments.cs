using System.Text;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Serialization.Tests;

/// <summary>Normalizes every golden input line (testdata/*/*.log) through the real pipeline, for codec round trips.</summary>
internal static class GoldenDocuments
{
    private static readonly LogNormalizer Normalizer = LogNormalizer.CreateDefault();

    private static readonly NormalizeContext Context = new()
    {
        DefaultTimeZone = TimeZoneInfo.Utc,
        Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
        KeepOriginal = true,
        SetEventCreated = true,
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenFile.AllCases())
        {
            data.Add(c);
        }

        return data;
    }

    /// <summary>Calls <paramref name="each"/> with a document for every event of a case that normalizes.</summary>
    public static int ForEach(string relativeCase, Action<EcsDocument> each)
    {
        var doc = new EcsDocument();
        var parts = new List<ReadOnlyMemory<byte>>();
        var count = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.TestData, relativeCase), Encoding.UTF8))
        {
            var raw = Encoding.UTF8.GetBytes(line);
            parts.Clear();
            if (!Normalizer.TryExpand(raw, parts))
            {
                parts.Add(raw);
            }

            foreach (var part in parts)
            {
                if (Normalizer.Process(part.Span, Context, doc, out _).Success)
                {
                    each(doc);
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Every golden event encoded by <paramref name="encode"/>.</summary>
    public static List<byte[]> EncodeAll(Func<EcsDocument, byte[]> encode)
    {
        var all = new List<byte[]>();
        foreach (var c in GoldenFile.AllCases())
        {
            ForEach(c, doc => all.Add(encode(doc)));
        }

        return all;
    }
}
