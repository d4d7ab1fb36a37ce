using System.Buffers;

namespace Stowage.Mover.Engine;

/// <summary>
/// The engine's buffer pool. Unlike the shared pool, which keeps many arrays per size per core, it keeps a few,
/// so peak memory stays close to what the pipeline has in flight.
/// </summary>
internal static class EngineBuffers
{
    public static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 4);
}
