using System.Security.Cryptography;

namespace Stowage.LocalSidecar.Hosting;

/// <summary>
/// The two shared secrets of one app's Dapr sidecar. <see cref="AppToken"/> (APP_API_TOKEN) goes to the app in the
/// <c>dapr-api-token</c> header of every call the sidecar makes to it, so the app can tell the sidecar from anyone else;
/// <see cref="ApiToken"/> (DAPR_API_TOKEN) must come in the same header with every call the app makes to the sidecar's API.
/// A null token is off, as for a daprd started without the variable.
/// </summary>
public sealed record SidecarTokens(string? AppToken, string? ApiToken)
{
    /// <summary>The header (gRPC metadata key) both tokens travel in.</summary>
    public const string HeaderName = "dapr-api-token";

    /// <summary>The variable that holds <see cref="AppToken"/>, for daprd and for the app.</summary>
    public const string AppTokenVariable = "APP_API_TOKEN";

    /// <summary>The variable that holds <see cref="ApiToken"/>, for daprd and for the app's Dapr SDKs.</summary>
    public const string ApiTokenVariable = "DAPR_API_TOKEN";

    /// <summary>No tokens: the sidecar calls the app without one and accepts every call.</summary>
    public static SidecarTokens None { get; } = new(null, null);

    /// <summary>A fresh random pair, as a platform that issues each app its own tokens would give.</summary>
    public static SidecarTokens Random() => new(NewToken(), NewToken());

    /// <summary>APP_API_TOKEN and DAPR_API_TOKEN of this process's environment, which is where daprd reads them.</summary>
    public static SidecarTokens FromEnvironment() => new(
        NullIfEmpty(Environment.GetEnvironmentVariable(AppTokenVariable)),
        NullIfEmpty(Environment.GetEnvironmentVariable(ApiTokenVariable)));

    /// <summary>Whether <paramref name="presented"/> is <paramref name="expected"/>, in time that does not depend on where they differ.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(presented));

    // Records print their members; a token must never reach a log line or a test failure message.
    /// <inheritdoc />
    public override string ToString() => $"SidecarTokens {{ AppToken = {State(AppToken)}, ApiToken = {State(ApiToken)} }}";

    private static string State(string? token) => token is null ? "off" : "set";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
