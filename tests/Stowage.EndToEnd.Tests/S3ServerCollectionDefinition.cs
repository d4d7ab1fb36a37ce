namespace Stowage.EndToEnd.Tests;

[CollectionDefinition(S3ServerCollection.Name)]
public sealed class S3ServerCollectionDefinition : ICollectionFixture<S3ServerFixture>;
