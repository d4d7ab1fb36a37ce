using Stowage.Common.Targets;
using Stowage.Contracts.Restores;
using Stowage.Mover.Engine;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Mapping;

/// <summary>Finds a restore's run in its bucket, needing nothing but the bucket's address and credentials.</summary>
public sealed class RunLookup(RepositoryOpener opener)
{
    /// <summary>The run <paramref name="runId"/>, or without one the newest run; of the request's application, if it names one.</summary>
    public async Task<RecordedRun?> FindAsync(RestoreRequest request, string? runId, CancellationToken ct)
    {
        using var repository = await opener.OpenAsync(request.Target, request.CredentialsNamespace, createIfMissing: false, ct);
        var runs = await new RunRepository(repository).ListRunsAsync(null, ct);
        var ofApplication = runs.Where(r => request.Application is null || r.Manifest.Application == request.Application);
        return runId is not null ? ofApplication.FirstOrDefault(r => r.Manifest.RunId == runId) : ofApplication.LastOrDefault();
    }

    /// <summary>Whether <paramref name="ex"/> says the bucket's backups cannot be read (rather than that something else broke).</summary>
    public static bool IsUnreadable(Exception ex) => ex is WrongPasswordException or RepositoryLocationException or CredentialsUnavailableException
        or Amazon.S3.AmazonS3Exception or Stowage.Mover.Engine.Storage.ObjectMissingException;
}
