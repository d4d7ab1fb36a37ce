using System.Security.Cryptography;
using System.Text.Json;
using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>A hash of everything in a description but the hash itself: equal hashes mean no real change.</summary>
internal static class ContentHasher
{
    public static string Hash(ApplicationDescription description) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(description with { ContentHash = "" }, JsonSerializerOptions.Web)))[..32];
}
