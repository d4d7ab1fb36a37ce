using Stowage.Common.Hosting;
using Stowage.Contracts;
using Stowage.Discovery.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Discovery);
builder.AddDiscoveryService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapDiscoveryEndpoints();
app.Run();

public partial class Program;
