namespace Stowage.LocalSidecar.Invocation;

/// The headers daprd reads or adds on a service invocation.
internal static class InvocationHeaders
{
    /// Names the target app when the path does not (not read by the local sidecar, and never forwarded).
    public const string AppId = "dapr-app-id";

    /// The app id of the caller, added for the callee.
    public const string CallerAppId = "dapr-caller-app-id";

    /// The app id of the callee, added for the callee.
    public const string CalleeAppId = "dapr-callee-app-id";
}
