using System.CommandLine;

namespace Stowage.Cli.Policies;

/// <summary><c>stowage policy create NAME -n NS --target s3://bucket/prefix --every 1h --keep 7</c>, or <c>-f SPEC.json</c>.</summary>
internal static class PolicyCreate
{
    public static Command Command(CliEnvironment environment)
    {
        var name = new Argument<string?>("APPLICATION") { Description = "The application to protect (its name in -n's namespace).", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string?>("--target", "-t") { Description = "Where backups go: s3://BUCKET/PREFIX, gs://..., minio://..., cloudian://... or local://..." };
        var provider = new Option<string?>("--provider") { Description = "aws, gcp, minio, cloudian, s3 or local (default: from --target's scheme)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "The S3 endpoint (MinIO, Cloudian, any S3 server)." };
        var region = new Option<string?>("--region") { Description = "The bucket's region." };
        var secret = new Option<string?>("--credentials-secret") { Description = "Kubernetes secret with accessKeyId, secretAccessKey and repositoryPassword." };
        var configured = new Option<string?>("--credentials-config") { Description = "Named credentials entry of the services' configuration, instead of a secret." };
        var every = new Option<string?>("--every") { Description = "Back up at this interval: 30m, 6h, 1d." };
        var cron = new Option<string?>("--cron") { Description = "Back up on this cron expression instead of an interval." };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone of --cron (default UTC)." };
        var keep = new Option<int>("--keep") { Description = "How many backups to keep.", DefaultValueFactory = _ => 7 };
        var paused = new Option<bool>("--paused") { Description = "Create it paused: no backups until resumed." };
        var pre = new Option<string[]>("--pre-hook") { Description = "CONTAINER=COMMAND run (by sh -c) in each pod before its volumes are copied (repeatable; default: discovery's for the kind)." };
        var post = new Option<string[]>("--post-hook") { Description = "CONTAINER=COMMAND run after the copy (repeatable)." };
        var file = new Option<string?>("--file", "-f") { Description = "The policy spec as JSON, as the API takes it ('-' for standard input), instead of the flags." };
        var command = new Command("create", "Protect an application with a policy.") { name, target, provider, endpoint, region, secret, configured, every, cron, zone, keep, pre, post, paused, file };
        return command.WithApi(environment, async run =>
        {
            var spec = run.Get(file) is { } path ? ReadFile(path) : null;
            object? body = null;
            if (spec is null)
            {
                var application = run.Get(name) ?? throw new UsageException("give the APPLICATION to protect, or -f SPEC.json");
                var address = run.Get(target) ?? throw new UsageException("--target is required, e.g. --target s3://backups/shop");
                if ((run.Get(every) is null) == (run.Get(cron) is null)) throw new UsageException("give one of --every or --cron");
                var (kind, bucket, prefix) = TargetAddress.Parse(address, run.Get(provider), run.Get(endpoint));
                body = new
                {
                    application = new { @namespace = run.Namespace, name = application },
                    target = new
                    {
                        provider = kind, bucket, prefix, endpoint = run.Get(endpoint), region = run.Get(region),
                        credentials = new { secretName = run.Get(secret), configurationName = run.Get(configured) },
                    },
                    schedule = new { interval = run.Get(every), cron = run.Get(cron), timeZone = run.Get(zone) },
                    retention = new { keepLast = run.Get(keep) },
                    hooks = Hooks("pre", run.Get(pre)).Concat(Hooks("post", run.Get(post))).ToList() is { Count: > 0 } hooks ? hooks : null,
                };
            }
            else if (run.Get(name) is not null || run.Get(target) is not null)
            {
                throw new UsageException("give APPLICATION and flags, or -f SPEC.json, not both");
            }
            var (created, _) = await run.Api.SendAsync(HttpMethod.Post, $"policies?paused={(run.Get(paused) ? "true" : "false")}", body, run.Cancellation, spec);
            run.Output.Print(created, PolicyViews.Describe);
            return ExitCodes.Ok;
        });
    }

    private static IEnumerable<object> Hooks(string phase, string[]? hooks) => (hooks ?? []).Select(hook =>
    {
        var equals = hook.IndexOf('=');
        if (equals <= 0 || equals == hook.Length - 1) throw new UsageException($"--{phase}-hook '{hook}' is not CONTAINER=COMMAND");
        return new { phase, container = hook[..equals], command = new[] { "sh", "-c", hook[(equals + 1)..] } };
    });

    private static string ReadFile(string path) =>
        path == "-" ? Console.In.ReadToEnd() : File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"file {path} does not exist");
}
