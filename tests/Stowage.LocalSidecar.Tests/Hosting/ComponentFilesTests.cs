using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Hosting;

public sealed class ComponentFilesTests
{
    [Fact]
    public void Outbox_routes_come_from_state_store_components_that_declare_them()
    {
        var components = Directory.CreateTempSubdirectory("local-sidecar-components-").FullName;
        File.WriteAllText(Path.Combine(components, "statestore.yaml"), """
            # Event streams (name: DaprComponents.StateStore).
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.redis
              version: v1
              metadata:
                - name: redisHost
                  value: localhost:6379
                - name: redisPassword
                  secretKeyRef:
                    name: redis-password
                    key: redis-password
                - name: outboxPublishPubsub
                  value: pubsub
                - name: outboxPublishTopic
                  value: stowage-outbox
            auth:
              secretStore: local-secrets
            """);
        File.WriteAllText(Path.Combine(components, "others.yml"), """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: plainstore
            spec:
              type: state.postgresql
              metadata:
                - name: connectionString
                  value: host=localhost
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              metadata:
                - name: outboxPublishPubsub
                  value: not-a-state-store
            """);

        var options = new LocalSidecarOptions().UseOutboxesOfComponents(components);

        Assert.Equal(new OutboxRoute("pubsub", "stowage-outbox"), Assert.Single(options.Outboxes).Value);
        Assert.Equal("statestore", options.Outboxes.Single().Key);
    }
}
