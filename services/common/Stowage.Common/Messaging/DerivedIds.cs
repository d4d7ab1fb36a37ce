namespace Stowage.Common.Messaging;

/// <summary>
/// Ids made from a command's id, one per purpose: a redelivered command yields the same answer (which consumers drop
/// as a duplicate by its event id) and the same restore.
/// </summary>
public static class DerivedIds
{
    public static Guid Of(Guid commandId, byte purpose)
    {
        var bytes = commandId.ToByteArray();
        bytes[0] ^= purpose;
        return new Guid(System.Security.Cryptography.MD5.HashData(bytes));
    }
}
