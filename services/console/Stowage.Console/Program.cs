using Stowage.Common.Hosting;
using Stowage.Console.Extensions;
using Stowage.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Console, requireCallers: false);
builder.AddConsoleService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapConsole();
app.Run();

public partial class Program;
