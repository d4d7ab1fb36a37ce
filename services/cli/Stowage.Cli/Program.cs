using Stowage.Cli;

return await new CliApp(ServiceUrls.FromEnvironment(), Console.Out, Console.Error).RunAsync(args);
