using Logfold.Processing.Enrich;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Enrich;

/// <summary>A temporary directory for data files, and helpers to build enrichers and events in tests.</summary>
internal sealed class EnrichTestFiles : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("logfold-enrich-").FullName;

    public EnricherContext Context { get; } = new() { Reload = new ReloadingFileOptions { Watch = false } };

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Dir, name);

    public static EcsDocument Event(params (string Field, object Value)[] fields)
    {
        var doc = new EcsDocument();
        foreach (var (field, value) in fields)
        {
            switch (value)
            {
                case string s:
                    doc.Set(FieldPath.Of(field), s);
                    break;
                case int i:
                    doc.Set(FieldPath.Of(field), (long)i);
                    break;
                case long l:
                    doc.Set(FieldPath.Of(field), l);
                    break;
                case string[] items:
                    foreach (var item in items)
                    {
                        doc.Add(FieldPath.Of(field), item);
                    }

                    break;
                default:
                    throw new ArgumentException($"unsupported test value {value.GetType()}");
            }
        }

        return doc;
    }

    public static string? Str(EcsDocument doc, string field) => doc.GetString(FieldPath.Of(field));

    public static FieldValue Value(EcsDocument doc, string field) => doc.TryGet(FieldPath.Of(field), out var v) ? v : default;

    public static List<string> Array(EcsDocument doc, string field) => Value(doc, field).Array ?? [];

    public void Dispose()
    {
        Context.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
