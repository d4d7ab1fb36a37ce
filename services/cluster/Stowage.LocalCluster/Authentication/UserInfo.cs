namespace Stowage.LocalCluster.Authentication;

/// <summary>Who a request comes from, as an authenticator names them (k8s.io/apiserver's user.Info).</summary>
internal sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public const string Authenticated = "system:authenticated";

    public const string Masters = "system:masters";

    public static UserInfo Of(string name, IEnumerable<string> groups, string uid = "") =>
        new(name, uid, [.. groups], new Dictionary<string, IReadOnlyList<string>>());

    public static string ServiceAccountName(string ns, string name) => $"system:serviceaccount:{ns}:{name}";
}
