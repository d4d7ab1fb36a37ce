using Stowage.Common.Hosting;
using Stowage.Contracts;
using Stowage.Policy.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Policy);
builder.AddPolicyService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapPolicyEndpoints();
app.Run();

public partial class Program;
