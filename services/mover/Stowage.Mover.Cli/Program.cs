using Stowage.Mover.Cli;

return await CliApplication.RunAsync(args);
