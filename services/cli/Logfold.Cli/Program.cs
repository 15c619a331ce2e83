using Logfold.Cli;

return CliApp.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Out, Console.Error, TimeProvider.System);
