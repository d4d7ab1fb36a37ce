using Stowage.Common.Hosting;
using Stowage.Contracts;
using Stowage.Mover.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Mover);
builder.AddMoverService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapMoverEndpoints();
app.Run();

public partial class Program;
