using Stowage.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
