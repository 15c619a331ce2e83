using Logfold.Detector;

// logs.raw -> logs.detected. Configuration: appsettings.yaml, then LOGFOLD__* environment variables.
var app = DetectorHost.Build(args);
app.Run();
