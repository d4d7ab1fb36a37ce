using k8s.Models;

namespace Stowage.Discovery.Tests.FakeKubernetes;

internal static class PodFactory
{
    public static V1Pod Pod(string ns, string name, IDictionary<string, string>? labels = null, string image = "nginx:1.27") => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = image }] },
    };
}
