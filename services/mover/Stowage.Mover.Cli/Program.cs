using Stowage.Mover.Cli;

var started = System.Diagnostics.Stopwatch.StartNew();
var code = await CliApplication.RunAsync(args);
Console.Error.WriteLine($"total {started.ElapsedMilliseconds}");
return code;
