using Stowage.Common.Targets;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;
using Stowage.Policy.Validation;

namespace Stowage.Policy.Tests.Validation;

public sealed class PolicySpecValidatorTests
{
    static PolicySpecValidatorTests() => CamelCasePropertyNames.Use();

    private static readonly PolicySpec Valid = PolicySpecs.Valid();

    private static async Task<IDictionary<string, string[]>> Errors(PolicySpec spec) =>
        (await new PolicySpecValidator(TargetAddressPolicy.Default).ValidateAsync(spec)).ToDictionary();

    private static PolicySpec WithTarget(Func<BackupTarget, BackupTarget> change) => Valid with { Target = change(Valid.Target) };

    public static TheoryData<string, PolicySpec> BadSpecs => new()
    {
        { "application.namespace", Valid with { Application = new ApplicationRef("Shop_NS", "orders") } },
        { "application.name", Valid with { Application = new ApplicationRef("shop", "") } },
        { "target.provider", WithTarget(t => t with { Provider = "dropbox" }) },
        { "target.bucket", WithTarget(t => t with { Bucket = "" }) },
        { "target.bucket", WithTarget(t => t with { Bucket = "My_Bucket" }) },
        { "target.bucket", WithTarget(t => t with { Bucket = "192.168.1.1" }) },
        { "target.prefix", WithTarget(t => t with { Prefix = "/abs" }) },
        { "target.prefix", WithTarget(t => t with { Prefix = "a/../b" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = null }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "ftp://host" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://user:pw@host:9000" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://169.254.169.254/" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://127.0.0.1:9000" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://[::1]:9000" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://[::ffff:169.254.169.254]/" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://[fe80::1]:9000" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://0.0.0.0:9000" }) },
        { "target.endpoint", WithTarget(t => t with { Endpoint = "http://localhost:9000" }) },
        { "target.region", WithTarget(t => t with { Provider = TargetProviders.Aws, Endpoint = null, Region = null }) },
        { "target.region", WithTarget(t => t with { Provider = TargetProviders.Aws, Endpoint = null, Region = "Europe West" }) },
        { "target.region", WithTarget(t => t with { Region = "EU_WEST" }) },
        { "target.credentials", WithTarget(t => t with { Credentials = new CredentialsRef() }) },
        { "target.credentials", WithTarget(t => t with { Credentials = new CredentialsRef(SecretName: "s", ConfigurationName: "c") }) },
        { "target.credentials.secretName", WithTarget(t => t with { Credentials = new CredentialsRef(SecretName: "Bad Name") }) },
        { "schedule", Valid with { Schedule = new BackupSchedule() } },
        { "schedule", Valid with { Schedule = new BackupSchedule("6h", "0 2 * * *") } },
        { "schedule.interval", Valid with { Schedule = new BackupSchedule("6 hours") } },
        { "schedule.interval", Valid with { Schedule = new BackupSchedule("1s") } },
        { "schedule.cron", Valid with { Schedule = new BackupSchedule(Cron: "every night") } },
        { "schedule.cron", Valid with { Schedule = new BackupSchedule(Cron: "61 2 * * *") } },
        { "schedule.timeZone", Valid with { Schedule = new BackupSchedule(Cron: "0 2 * * *", TimeZone: "Mars/Olympus") } },
        { "schedule.timeZone", Valid with { Schedule = new BackupSchedule("6h", TimeZone: "UTC") } },
        { "retention.keepLast", Valid with { Retention = new RetentionRule(0) } },
        { "retention.keepLast", Valid with { Retention = new RetentionRule(5000) } },
        { "retention.daily", Valid with { Retention = new RetentionRule(3, Daily: -1) } },
        { "copyMethod", Valid with { CopyMethod = (CopyMethod)42 } },
        { "hooks[0].container", Valid with { Hooks = [new HookSpec(HookPhase.Pre, "", ["sync"])] } },
        { "hooks[0].command", Valid with { Hooks = [new HookSpec(HookPhase.Pre, "db", [])] } },
        { "hooks[0].timeoutSeconds", Valid with { Hooks = [new HookSpec(HookPhase.Post, "db", ["x"], TimeoutSeconds: 0)] } },
    };

    [Fact]
    public async Task The_reference_spec_is_valid() => Assert.Empty(await Errors(Valid));

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task Each_bad_field_is_named_in_the_errors(string field, PolicySpec spec)
    {
        var errors = await Errors(spec);
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got: {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        var spec = Valid with { Retention = new RetentionRule(0), Schedule = new BackupSchedule(Cron: "nope"), Target = Valid.Target with { Bucket = "" } };
        Assert.Equal(["retention.keepLast", "schedule.cron", "target.bucket"], (await Errors(spec)).Keys.Order());
    }

    [Theory]
    [InlineData(TargetProviders.Aws, null, "eu-west-1")]
    [InlineData(TargetProviders.Gcp, null, null)]
    [InlineData(TargetProviders.Cloudian, "https://s3.hyperstore.example", "region-1")]
    public async Task Each_provider_accepts_its_usual_shape(string provider, string? endpoint, string? region)
    {
        Assert.Empty(await Errors(WithTarget(t => t with { Provider = provider, Endpoint = endpoint, Region = region })));
    }

    [Fact]
    public async Task A_cron_schedule_with_a_time_zone_is_valid() =>
        Assert.Empty(await Errors(Valid with { Schedule = new BackupSchedule(Cron: "30 2 * * 1-5", TimeZone: "Europe/Paris") }));
}
