namespace Stowage.Mover.Engine.Crypto;

/// <summary>What unlocks a repository: a password or the bytes of a key file.</summary>
public sealed class RepositorySecret
{
    private RepositorySecret(KeySource source, byte[] material)
    {
        Source = source;
        Material = material;
    }

    internal KeySource Source { get; }
    internal byte[] Material { get; }

    /// <summary>A password, stretched with PBKDF2-SHA256.</summary>
    public static RepositorySecret FromPassword(string password)
    {
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("The password is empty.", nameof(password));
        return new RepositorySecret(KeySource.Password, System.Text.Encoding.UTF8.GetBytes(password));
    }

    /// <summary>A key file of at least 32 random bytes, expanded with HKDF-SHA256.</summary>
    public static RepositorySecret FromKeyFile(byte[] contents)
    {
        if (contents.Length < 32) throw new ArgumentException("A key file holds at least 32 random bytes.", nameof(contents));
        return new RepositorySecret(KeySource.KeyFile, contents.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => $"RepositorySecret({Source})";
}

internal enum KeySource
{
    Password,
    KeyFile,
}
