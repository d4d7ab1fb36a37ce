using Stowage.Common.Hosting;
using Stowage.Contracts;
using Stowage.Scheduler.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Scheduler);
builder.AddSchedulerService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSchedulerEndpoints();
app.Run();

public partial class Program;
