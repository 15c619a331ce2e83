using Logfold.Normalizer;

// logs.detected -> logs.normalized (ECS). Configuration: appsettings.yaml, then LOGFOLD__* environment variables.
var app = NormalizerHost.Build(args);
app.Run();
