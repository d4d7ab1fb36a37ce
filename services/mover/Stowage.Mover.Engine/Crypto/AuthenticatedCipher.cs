using System.Security.Cryptography;

namespace Stowage.Mover.Engine.Crypto;

/// <summary>AES-256-GCM with a random 96-bit nonce; sealed form is nonce || ciphertext || tag.</summary>
internal sealed class AuthenticatedCipher(byte[] key) : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    // AesGcm instances must not be shared between threads.
    private readonly ThreadLocal<AesGcm> _aes = new(() => new AesGcm(key, TagSize), trackAllValues: true);

    public static int SealedLength(int plainLength) => plainLength + Overhead;

    public void Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData, Span<byte> sealedOutput)
    {
        var nonce = sealedOutput[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        var cipher = sealedOutput.Slice(NonceSize, plain.Length);
        var tag = sealedOutput.Slice(NonceSize + plain.Length, TagSize);
        _aes.Value!.Encrypt(nonce, plain, cipher, tag, associatedData);
    }

    /// <summary>Encrypts the payload already placed after the nonce area of buffer; fills in nonce and tag.</summary>
    public void SealInPlace(Span<byte> buffer, ReadOnlySpan<byte> associatedData)
    {
        var nonce = buffer[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        var payload = buffer[NonceSize..^TagSize];
        _aes.Value!.Encrypt(nonce, payload, payload, buffer[^TagSize..], associatedData);
    }

    public byte[] Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData = default)
    {
        var output = new byte[SealedLength(plain.Length)];
        Seal(plain, associatedData, output);
        return output;
    }

    /// <summary>Returns false when the data was altered or the key is wrong.</summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedInput, ReadOnlySpan<byte> associatedData, Span<byte> plainOutput)
    {
        if (sealedInput.Length < Overhead) return false;
        var length = sealedInput.Length - Overhead;
        try
        {
            _aes.Value!.Decrypt(sealedInput[..NonceSize], sealedInput.Slice(NonceSize, length),
                sealedInput.Slice(NonceSize + length, TagSize), plainOutput[..length], associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public byte[] Open(ReadOnlySpan<byte> sealedInput, ReadOnlySpan<byte> associatedData, string what)
    {
        if (sealedInput.Length < Overhead) throw new RepositoryDamagedException($"{what} is truncated.");
        var plain = new byte[sealedInput.Length - Overhead];
        return TryOpen(sealedInput, associatedData, plain) ? plain
            : throw new RepositoryDamagedException($"{what} failed authentication (altered or damaged).");
    }

    /// <summary>Frees the native contexts; the runs that used them must have ended (a later use throws ObjectDisposedException).</summary>
    public void Dispose()
    {
        var contexts = _aes.Values;
        _aes.Dispose();
        foreach (var aes in contexts) aes.Dispose();
    }
}
