using Stowage.Local;

// stowage-local demo [--keep]: Stowage on this machine, end to end, on an embedded sample application.
if (args.Length == 0 || args[0] is not "demo")
{
    Console.Error.WriteLine("usage: stowage-local demo [--keep]    (back up and restore a sample application on this machine)");
    return 2;
}

var keep = args.Contains("--keep");
try
{
    return await new Demo(Console.Out).RunAsync(keep) ? 0 : 1;
}
catch (Exception ex) when (ex is DemoFailedException or TimeoutException or InvalidOperationException or FileNotFoundException or HttpRequestException)
{
    Console.Error.WriteLine($"demo failed: {ex.Message}");
    return 1;
}
