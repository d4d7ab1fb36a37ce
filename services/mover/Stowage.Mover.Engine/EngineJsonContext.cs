using System.Text.Json.Serialization;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Tree))]
[JsonSerializable(typeof(SnapshotFile))]
[JsonSerializable(typeof(RepositoryConfig))]
[JsonSerializable(typeof(KeyEnvelope))]
[JsonSerializable(typeof(LockFile))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
