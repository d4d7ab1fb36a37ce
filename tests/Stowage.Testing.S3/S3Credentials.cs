namespace Stowage.Testing.S3;

/// <summary>Keys of an S3 user of the gateway.</summary>
public sealed record S3Credentials(string UserId, string AccessKey, string SecretKey);
