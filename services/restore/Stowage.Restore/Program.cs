using Stowage.Common.Hosting;
using Stowage.Contracts;
using Stowage.Restore.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Restore);
builder.AddRestoreService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestoreEndpoints();
app.Run();

public partial class Program;
