using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapr.Workflow;

namespace Stowage.Common.Workflows;

/// <summary>
/// A workflow activity with a trace span, a duration histogram and a failure counter, tagged with the activity's
/// name and its workflow instance. Activities derive from this and implement <see cref="ExecuteAsync"/>.
/// </summary>
public abstract class TracedActivity<TInput, TOutput> : WorkflowActivity<TInput, TOutput>
{
    private static readonly ActivitySource Source = new("Stowage.Workflows");
    private static readonly Meter Meter = new("Stowage.Workflows");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("stowage.activity.duration", "s", "Duration of workflow activities");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("stowage.activity.failures", description: "Workflow activities that threw");

    public sealed override async Task<TOutput> RunAsync(WorkflowActivityContext context, TInput input)
    {
        var name = GetType().Name;
        using var span = Source.StartActivity($"activity {name}");
        span?.SetTag("stowage.workflow.instance", context.InstanceId);
        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { { "activity", name } };
        try
        {
            return await ExecuteAsync(context, input);
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Failures.Add(1, tags);
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    protected abstract Task<TOutput> ExecuteAsync(WorkflowActivityContext context, TInput input);
}
