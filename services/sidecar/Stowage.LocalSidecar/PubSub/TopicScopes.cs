namespace Stowage.LocalSidecar.PubSub;

/// <summary>
/// The topic scoping of one pub/sub component, read from its metadata as daprd reads it: <c>allowedTopics</c> and
/// <c>protectedTopics</c> (comma-separated), <c>publishingScopes</c> and <c>subscriptionScopes</c>
/// ("app1=topic1,topic2;app2="). An app listed in a scope may use only its listed topics ("app2=" none); an app not
/// listed may use every topic but a protected one; no topic outside a non-empty allowedTopics may be used at all.
/// </summary>
public sealed record TopicScopes(
    IReadOnlyList<string> AllowedTopics,
    IReadOnlyList<string> ProtectedTopics,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Publishing,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Subscription)
{
    public const string AllowedTopicsKey = "allowedTopics";
    public const string ProtectedTopicsKey = "protectedTopics";
    public const string PublishingScopesKey = "publishingScopes";
    public const string SubscriptionScopesKey = "subscriptionScopes";

    /// <summary>No scoping at all: every app may publish and subscribe to every topic.</summary>
    public static readonly TopicScopes None = new([], [], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>());

    public static TopicScopes FromMetadata(IReadOnlyDictionary<string, string> metadata) => new(
        List(metadata, AllowedTopicsKey), List(metadata, ProtectedTopicsKey), Scopes(metadata, PublishingScopesKey), Scopes(metadata, SubscriptionScopesKey));

    /// <summary>Whether any of the four settings is present.</summary>
    public bool IsScoped => AllowedTopics.Count > 0 || ProtectedTopics.Count > 0 || Publishing.Count > 0 || Subscription.Count > 0;

    public bool MayPublish(string appId, string topic) => IsAllowed(topic, Publishing.GetValueOrDefault(appId) ?? []);

    public bool MaySubscribe(string appId, string topic) => IsAllowed(topic, Subscription.GetValueOrDefault(appId) ?? []);

    private bool IsAllowed(string topic, IReadOnlyList<string> scoped)
    {
        if (AllowedTopics.Count > 0 && !AllowedTopics.Contains(topic)) return false;
        if (!ProtectedTopics.Contains(topic) && scoped.Count == 0) return true;
        return scoped.Contains(topic);
    }

    private static string[] List(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && value.Length > 0 ? value.Replace(" ", "").Split(',') : [];

    // As daprd: "app=" lists one empty topic, so the app may use none; an entry without '=' is ignored.
    private static Dictionary<string, IReadOnlyList<string>> Scopes(IReadOnlyDictionary<string, string> metadata, string key)
    {
        var scopes = new Dictionary<string, IReadOnlyList<string>>();
        if (!metadata.TryGetValue(key, out var value) || value.Length == 0) return scopes;
        foreach (var entry in value.Replace(" ", "").Split(';'))
        {
            var parts = entry.Split('=');
            if (parts.Length < 2) continue;
            var topics = scopes.TryGetValue(parts[0], out var known) ? known : [];
            scopes[parts[0]] = topics.Concat(parts[1].Split(',')).Distinct().ToList();
        }

        return scopes;
    }
}
