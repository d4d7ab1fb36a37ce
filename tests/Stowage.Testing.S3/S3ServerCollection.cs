using Xunit;

namespace Stowage.Testing.S3;

/// <summary>
/// The name of the collection whose tests share <see cref="S3ServerFixture"/>. xunit only honours collection
/// definitions found in the test assembly itself, so this class does nothing for other assemblies: each test
/// project declares its own copy,
/// <code>
/// [CollectionDefinition(S3ServerCollection.Name)]
/// public sealed class S3ServerCollectionDefinition : ICollectionFixture&lt;S3ServerFixture&gt;;
/// </code>
/// and marks its test classes with <c>[Collection(S3ServerCollection.Name)]</c>. Test classes of other
/// collections may also use <see cref="S3ServerFixture"/>; all of them share one server per test process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "S3 server";
}
