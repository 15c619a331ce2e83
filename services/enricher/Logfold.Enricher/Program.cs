using Logfold.Enricher;

// logs.normalized -> logs.enriched. Everything else lives in EnricherHost; see README.md.
var app = EnricherHost.Build(args);
await app.RunAsync().ConfigureAwait(false);
return Environment.ExitCode;
