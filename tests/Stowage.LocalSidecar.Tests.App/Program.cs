using Dapr.Workflow;
using Stowage.LocalSidecar.Tests.App;
using Stowage.LocalSidecar.Tests.App.Activities;
using Stowage.LocalSidecar.Tests.App.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(new MarkerFiles(builder.Configuration["MARKER_DIR"]!));
builder.Services.AddDaprWorkflow(options =>
{
    options.RegisterWorkflow<TwoStepWorkflow>();
    options.RegisterActivity<FirstStepActivity>();
    options.RegisterActivity<SecondStepActivity>();
});

var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
