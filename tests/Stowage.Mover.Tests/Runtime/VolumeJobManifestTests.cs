using Stowage.Common.Targets;
using Stowage.Mover.Cbt;
using Stowage.Mover.Runtime.Jobs;

namespace Stowage.Mover.Tests.Runtime;

/// <summary>A block-mode volume's job: the device instead of a mount, and the changed-block token only in the job's Secret.</summary>
public sealed class VolumeJobManifestTests
{
    private static readonly VolumeJob Block = new(VolumeJobKind.Backup, "shop", "stowage-backup-1", "data-db-0-clone", null, ["backup", VolumeJobs.DataPath],
        new Dictionary<string, string>())
    {
        BlockDevice = true,
        SecretEnvironment = new Dictionary<string, string> { [CbtEnvironment.Token] = "secret-token", [CbtEnvironment.CaBundle] = "PEM" },
    };

    [Fact]
    public void A_block_volume_is_the_device_under_the_data_path_and_nothing_is_mounted_there()
    {
        var container = VolumeJobManifest.Job(Block, new VolumeJobSettings()).Spec.Template.Spec.Containers.Single();

        var device = Assert.Single(container.VolumeDevices);
        Assert.Equal(("data", "/data/device"), (device.Name, device.DevicePath));
        Assert.DoesNotContain(container.VolumeMounts, m => m.Name == "data");
    }

    [Fact]
    public void The_service_token_reaches_the_pod_from_the_jobs_secret_only()
    {
        var job = VolumeJobManifest.Job(Block, new VolumeJobSettings());
        var container = job.Spec.Template.Spec.Containers.Single();
        var secret = VolumeJobManifest.Credentials(Block, job, new TargetCredentials("id", "key", "password"));

        Assert.False(job.Spec.Template.Spec.AutomountServiceAccountToken);
        var token = Assert.Single(container.Env, e => e.Name == CbtEnvironment.Token);
        Assert.Null(token.Value);
        Assert.Equal((Block.Name, CbtEnvironment.Token), (token.ValueFrom.SecretKeyRef.Name, token.ValueFrom.SecretKeyRef.Key));
        Assert.Equal("secret-token", secret.StringData[CbtEnvironment.Token]);
        Assert.Equal("password", secret.StringData[VolumeJobs.PasswordKey]);
        Assert.DoesNotContain(container.Args, a => a.Contains("secret-token"));
    }

    [Fact]
    public void A_file_system_volume_is_mounted_and_has_no_device()
    {
        var container = VolumeJobManifest.Job(Block with { BlockDevice = false, SecretEnvironment = new Dictionary<string, string>() }, new VolumeJobSettings())
            .Spec.Template.Spec.Containers.Single();

        Assert.Null(container.VolumeDevices);
        Assert.Contains(container.VolumeMounts, m => m.Name == "data" && m.MountPath == VolumeJobs.DataPath && m.ReadOnlyProperty == true);
        Assert.DoesNotContain(container.Env, e => e.Name == CbtEnvironment.Token);
    }
}
