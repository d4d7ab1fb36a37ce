namespace Stowage.Common.Access;

/// <summary>The caller lacks a permission the request needs; answered 403 naming it, before anything is changed.</summary>
public sealed class AccessDeniedException(Caller caller, Permission permission)
    : Exception($"User \"{caller.UserName}\" may not {permission}.")
{
    public Permission Permission { get; } = permission;
}
