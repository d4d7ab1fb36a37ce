using CsCheck;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Restore;

/// <summary>
/// Generated hostile trees (unsafe, repeated and unordered names, links out of the target, setuid modes, foreign
/// owners, claimed hard links), each restored into a fresh target baited with links pointing outside it. Whatever
/// the tree, nothing outside the target is created, changed, chmodded or chowned, and a refusal names its entry.
/// </summary>
public sealed class HostileTreeRestoreTests : IDisposable
{
    private const int Trees = 2000;
    private readonly TempDirectory _temp = new("hostile-trees");
    private readonly ReusableRepositories _repositories;

    public HostileTreeRestoreTests() => _repositories = new ReusableRepositories(_temp.Path);

    private static readonly Gen<string> Name = Gen.Frequency(
        (6, Gen.OneOf("a", "b", "c", "d", "hard", "secret", "sub", "z")),
        (1, Gen.OneOf("", ".", "..", "../outside", "x/y", "/", "n\0ul", "a/../..", "..\\x")));

    private static readonly Gen<string> LinkTarget = Gen.OneOf(
        "../outside", "../../outside", "/", "/etc/passwd", "..", ".", "a", "sub/../..", "OUTSIDE", "OUTSIDE/secret.txt");

    private static readonly Gen<HostileEntry> File = Gen.Select(Name, Gen.Int[0, 300], Gen.OneOf(0x1A4u, 0x9EDu, 0xDFFu, 0x0u), Gen.OneOf(0u, 1234u), Gen.Int[0, 3],
        (name, size, mode, owner, inode) => HostileEntry.File(name, new byte[size]) with
        {
            Mode = mode, Uid = owner, Gid = owner, Inode = (ulong)inode, Links = inode == 0 ? 1u : 2u,
        });

    private static readonly Gen<HostileEntry> Symlink = Gen.Select(Name, LinkTarget, Gen.OneOf(0u, 1234u),
        (name, target, owner) => HostileEntry.Symlink(name, target) with { Uid = owner });

    private static readonly Gen<HostileEntry> Entry = Gen.Recursive<HostileEntry>((depth, entry) => depth >= 3
        ? Gen.Frequency((4, File), (3, Symlink))
        : Gen.Frequency((4, File), (3, Symlink), (3, Gen.Select(Name, entry.Array[0, 4], Gen.OneOf(0x1EDu, 0xFFFu, 0x5FDu),
            (name, children, mode) => HostileEntry.Directory(name, children) with { Mode = mode }))));

    [Fact]
    public async Task Thousands_of_hostile_trees_never_reach_outside_a_baited_target()
    {
        var restored = 0;
        var refused = 0;
        await Entry.Array[1, 6].SampleAsync(async entries =>
        {
            using var run = new TempDirectory("hostile-tree");
            var world = new BaitedTarget(run.Sub("world"));
            entries = entries.Select(e => Aim(e, world.OutsidePath)).ToArray();
            var repository = await _repositories.TakeAsync();
            try
            {
                var snapshot = await HostileSnapshot.WriteAsync(repository.Repository, entries, run.Sub("scratch"));
                await repository.Repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = world.Target, WithoutOpenat2 = entries.Length % 2 == 0 });
                Interlocked.Increment(ref restored);
            }
            catch (RestoreRefusedException refusal)
            {
                Assert.False(string.IsNullOrEmpty(refusal.Entry));
                Assert.Contains($"'{refusal.Entry}'", refusal.Message);
                Interlocked.Increment(ref refused);
            }
            finally
            {
                _repositories.Return(repository);
            }
            world.AssertOutsideUntouched();
        }, iter: Trees, print: entries => string.Join("; ", entries));

        // Both outcomes were exercised, so the property was not checked against refusals alone.
        Assert.True(restored > Trees / 10, $"{restored} restored");
        Assert.True(refused > Trees / 10, $"{refused} refused");
    }

    /// <summary>Points generated "OUTSIDE" link targets at this run's outside folder.</summary>
    private static HostileEntry Aim(HostileEntry entry, string outside) => entry with
    {
        LinkTarget = entry.LinkTarget?.Replace("OUTSIDE", outside, StringComparison.Ordinal),
        Children = entry.Children.Select(c => Aim(c, outside)).ToArray(),
    };

    public void Dispose()
    {
        _repositories.Dispose();
        _temp.Dispose();
    }
}
