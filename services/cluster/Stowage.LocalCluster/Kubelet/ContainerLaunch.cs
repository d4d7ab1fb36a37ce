using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>A container ready to start, or why it cannot (the kubelet's waiting reasons).</summary>
internal sealed record ContainerLaunch(ProcessStartInfo? Process, string? WaitingReason, string? WaitingMessage, string TerminationMessageFile)
{
    public static ContainerLaunch Waiting(string reason, string message) => new(null, reason, message, "");
}

/// <summary>
/// Turns a container of a pod into a local process: the image's command, the container's args and env (values,
/// Secret keys, the pod's own name and namespace), and every path under a volume mount or the termination message path
/// mapped to that volume's folder on this machine. The process sees nothing of the kubelet's own environment.
/// </summary>
internal sealed class ContainerLauncher(IReadOnlyDictionary<string, LocalImage> images, Func<string, string, JsonObject?> secret)
{
    public ContainerLaunch Prepare(JsonObject pod, JsonObject container, IReadOnlyDictionary<string, string> mounts, string podDirectory)
    {
        var name = (string?)container["name"] ?? "";
        var image = (string?)container["image"] ?? "";
        if (!images.TryGetValue(LocalImage.RepositoryOf(image), out var local))
        {
            return new ContainerLaunch(null, null, null, "");
        }
        var terminationPath = (string?)container["terminationMessagePath"] ?? "/dev/termination-log";
        var paths = new Dictionary<string, string>(mounts) { [terminationPath] = Path.Combine(podDirectory, $"{name}.termination-log") };
        var command = (container["command"] as JsonArray ?? []).Select(part => (string?)part ?? "").ToList();
        if (command.Count > 0 && command[0] != local.Entrypoint)
        {
            return ContainerLaunch.Waiting("RunContainerError",
                $"failed to create containerd task: exec: \"{command[0]}\": stat {command[0]}: no such file or directory");
        }
        var arguments = command.Skip(1).Concat((container["args"] as JsonArray ?? []).Select(part => (string?)part ?? "")).Select(a => Map(a, paths));
        var start = new ProcessStartInfo(local.Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = (string?)container["workingDir"] is { } workingDir ? Map(workingDir, paths) : podDirectory,
        };
        foreach (var argument in local.Command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Clear();
        var temp = Directory.CreateDirectory(Path.Combine(podDirectory, "tmp")).FullName;
        foreach (var (key, value) in BaseEnvironment(pod, temp))
        {
            start.Environment[key] = value;
        }
        foreach (var variable in container["env"] as JsonArray ?? [])
        {
            var (key, value, problem) = Resolve(pod, variable!.AsObject());
            if (problem is not null)
            {
                return ContainerLaunch.Waiting("CreateContainerConfigError", problem);
            }
            start.Environment[key] = Map(value, paths);
        }
        return new ContainerLaunch(start, null, null, paths[terminationPath]);
    }

    private (string Key, string Value, string? Problem) Resolve(JsonObject pod, JsonObject variable)
    {
        var key = (string?)variable["name"] ?? "";
        if (variable["valueFrom"] is not JsonObject from)
        {
            return (key, (string?)variable["value"] ?? "", null);
        }
        if (from["fieldRef"]?["fieldPath"] is JsonValue field)
        {
            return (key, (string?)field switch
            {
                "metadata.name" => (string?)pod["metadata"]?["name"],
                "metadata.namespace" => (string?)pod["metadata"]?["namespace"],
                "spec.nodeName" => (string?)pod["spec"]?["nodeName"],
                _ => null,
            } ?? "", null);
        }
        if (from["secretKeyRef"] is JsonObject reference)
        {
            var ns = (string?)pod["metadata"]?["namespace"] ?? "";
            var secretName = (string?)reference["name"] ?? "";
            var secretKey = (string?)reference["key"] ?? "";
            var optional = reference["optional"]?.GetValue<bool>() == true;
            var stored = secret(ns, secretName);
            if (stored is null)
            {
                return optional ? (key, "", null) : (key, "", $"secret \"{secretName}\" not found");
            }
            if (stored["data"]?[secretKey] is JsonValue encoded)
            {
                return (key, Encoding.UTF8.GetString(Convert.FromBase64String((string)encoded!)), null);
            }
            if (stored["stringData"]?[secretKey] is JsonValue plain)
            {
                return (key, (string)plain!, null);
            }
            return optional ? (key, "", null) : (key, "", $"couldn't find key {secretKey} in Secret {ns}/{secretName}");
        }
        return (key, "", $"env {key}: only value, fieldRef and secretKeyRef are supported by the local kubelet");
    }

    private static Dictionary<string, string> BaseEnvironment(JsonObject pod, string temp)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOSTNAME"] = (string?)pod["metadata"]?["name"] ?? "",
            ["HOME"] = temp,
            ["TMPDIR"] = temp,
        };
        // The dotnet host of this machine plays the image's runtime.
        foreach (var runtime in new[] { "DOTNET_ROOT", "DOTNET_ROOT_X64" })
        {
            if (Environment.GetEnvironmentVariable(runtime) is { Length: > 0 } value)
            {
                environment[runtime] = value;
            }
        }
        return environment;
    }

    /// <summary>A path inside a mount becomes the same path inside the folder that backs it.</summary>
    private static string Map(string value, IReadOnlyDictionary<string, string> paths)
    {
        foreach (var (inside, outside) in paths.OrderByDescending(pair => pair.Key.Length))
        {
            if (value == inside)
            {
                return outside;
            }
            if (value.StartsWith(inside.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                return Path.Combine(outside, value[(inside.TrimEnd('/').Length + 1)..]);
            }
        }
        return value;
    }
}
