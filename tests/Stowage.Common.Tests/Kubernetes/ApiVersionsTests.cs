using Stowage.Common.Kubernetes;

namespace Stowage.Common.Tests.Kubernetes;

public sealed class ApiVersionsTests
{
    [Theory]
    [InlineData("apps/v1", "apps")]
    [InlineData("snapshot.storage.k8s.io/v1", "snapshot.storage.k8s.io")]
    [InlineData("v1", "")]
    [InlineData("", "")]
    public void The_group_is_what_precedes_the_slash_and_empty_for_the_core_group(string apiVersion, string group) =>
        Assert.Equal(group, ApiVersions.GroupOf(apiVersion));
}
