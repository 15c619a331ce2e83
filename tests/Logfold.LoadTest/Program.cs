using Logfold.LoadTest;
using Microsoft.Extensions.Logging;

LoadArgs options;
try
{
    options = LoadArgs.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LoadArgs.Usage);
    return 0;
}

if (options.ProbeOnly)
{
    ProbeReport.Run(options, Console.Out);
    return 0;
}

using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var result = new LoadRunner(options, loggers, Console.Out).Run();
LoadReport.Print(result, Console.Out);
if (options.JsonReport is not null)
{
    LoadReport.WriteJson(result, options.JsonReport);
}

return result.Reconciled ? 0 : 1;
