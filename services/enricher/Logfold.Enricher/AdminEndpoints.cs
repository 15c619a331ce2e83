using System.Buffers;
using System.Text;
using System.Text.Json;
using Logfold.Processing.Enrich;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logfold.Enricher;

/// <summary>
/// <c>POST /admin/reload</c> reloads every enrichment data file now and reports each one (200 when all loaded,
/// 422 when any was rejected: its previous data stays in use); <c>GET /admin/sources</c> reports without reloading.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var sp = app.Services;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Logfold.Enricher.Admin");
        app.MapPost("/admin/reload", () =>
        {
            if (!Enabled(sp))
            {
                return Results.NotFound();
            }

            var files = sp.GetRequiredService<EnrichmentEngine>().DataFiles;
            var results = new bool[files.Count];
            int reloaded = 0, failed = 0;
            for (var i = 0; i < files.Count; i++)
            {
                results[i] = files[i].Reload();
                if (results[i])
                {
                    reloaded++;
                }
                else
                {
                    failed++;
                }
            }

            Log.AdminReload(logger, reloaded, files.Count, failed);
            var body = Write(files, results, reloaded, failed);
            return Results.Text(body, "application/json", statusCode: failed == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        });
        app.MapGet("/admin/sources", () =>
        {
            if (!Enabled(sp))
            {
                return Results.NotFound();
            }

            var files = sp.GetRequiredService<EnrichmentEngine>().DataFiles;
            var failed = 0;
            foreach (var f in files)
            {
                failed += f.LastError is null ? 0 : 1;
            }

            return Results.Text(Write(files, null, 0, failed), "application/json", statusCode: StatusCodes.Status200OK);
        });
    }

    private static bool Enabled(IServiceProvider sp) => sp.GetRequiredService<IOptions<EnricherServiceOptions>>().Value.AdminEndpoints;

    /// <summary>The status document: <c>{status, reloaded, failed, sources: [{path, ok, version, loaded_at, error}]}</c>.</summary>
    internal static string Write(IReadOnlyList<IReloadable> files, bool[]? results, int reloaded, int failed)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("status", failed == 0 ? "ok" : reloaded > 0 ? "partial" : "failed");
            if (results is not null)
            {
                w.WriteNumber("reloaded", reloaded);
            }

            w.WriteNumber("failed", failed);
            w.WriteStartArray("sources");
            for (var i = 0; i < files.Count; i++)
            {
                var f = files[i];
                var ok = results is null ? f.LastError is null : results[i];
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteBoolean("ok", ok);
                w.WriteNumber("version", f.Version);
                w.WriteString("loaded_at", f.LastLoaded);
                if (!ok && f.LastError is { } error)
                {
                    w.WriteString("error", error.Message);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
