using Stowage.Testing.S3;

namespace Stowage.Mover.Engine.Tests.S3;

[CollectionDefinition("S3 server")]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>;
