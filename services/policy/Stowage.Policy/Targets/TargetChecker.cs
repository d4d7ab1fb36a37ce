using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Targets;

public sealed record TargetCheckStep(string Name, bool Passed, string Message);

public sealed record TargetCheckReport(bool Passed, IReadOnlyList<TargetCheckStep> Steps);

/// <summary>
/// Tries a target the way a backup will use it: credentials, bucket, a write and a delete under the prefix.
/// Stops at the first failure and says what to change.
/// </summary>
public sealed class TargetChecker(ICredentialsResolver credentials, TargetAddressPolicy addresses)
{
    public async Task<TargetCheckReport> CheckAsync(BackupTarget target, string policyNamespace, CancellationToken cancellationToken)
    {
        var steps = new List<TargetCheckStep>();
        IAmazonS3 s3;
        try
        {
            var keys = await credentials.ResolveAsync(target.Credentials, policyNamespace, cancellationToken);
            if (target.Provider == TargetProviders.Local)
            {
                steps.Add(new("credentials", true, "The repository password resolved; a local target is a folder on the mover's machine, made by the first backup."));
                return new TargetCheckReport(true, steps);
            }
            s3 = S3ClientFactory.Create(target, keys, addresses);
            steps.Add(new("credentials", true, "The credentials reference resolved."));
        }
        catch (CredentialsUnavailableException ex)
        {
            return Fail(steps, "credentials", ex.Message);
        }

        using var client = s3;
        var probeKey = $"{target.Prefix.TrimEnd('/')}/.stowage-check-{Guid.NewGuid():N}".TrimStart('/');
        var stage = "bucket";
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = target.Bucket, MaxKeys = 1, Prefix = target.Prefix }, cancellationToken);
            steps.Add(new(stage, true, $"Bucket '{target.Bucket}' is reachable and listable."));
            stage = "write";
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = target.Bucket, Key = probeKey, ContentBody = "stowage target check" }, cancellationToken);
            steps.Add(new(stage, true, $"Wrote '{probeKey}'."));
            stage = "delete";
            await s3.DeleteObjectAsync(target.Bucket, probeKey, cancellationToken);
            steps.Add(new(stage, true, "Deleted the probe object."));
            return new TargetCheckReport(true, steps);
        }
        catch (AmazonS3Exception ex)
        {
            return Fail(steps, stage, Explain(ex, target, stage));
        }
        catch (Exception ex) when (RefusalIn(ex) is { } refused)
        {
            return Fail(steps, stage, refused.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException
            or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException)
        {
            return Fail(steps, stage, $"Cannot reach {target.Endpoint ?? target.Provider}: {ex.Message}. Check the endpoint address, the network and TLS.");
        }
    }

    private static string Explain(AmazonS3Exception ex, BackupTarget target, string stage) => (ex.StatusCode, ex.ErrorCode) switch
    {
        (HttpStatusCode.NotFound, _) => $"Bucket '{target.Bucket}' does not exist at {target.Endpoint ?? target.Provider}; create it or fix the name.",
        (_, "SignatureDoesNotMatch") => "The secret access key is wrong: the server refused the request signature.",
        (_, "InvalidAccessKeyId") => "The access key id is unknown to the server.",
        (HttpStatusCode.Forbidden, _) when stage == "write" => $"The credentials may read but not write bucket '{target.Bucket}'; grant s3:PutObject on the prefix.",
        (HttpStatusCode.Forbidden, _) when stage == "delete" => $"The credentials may not delete in bucket '{target.Bucket}'; retention needs s3:DeleteObject.",
        (HttpStatusCode.Forbidden, _) => $"Access to bucket '{target.Bucket}' is denied for these credentials.",
        _ => $"The server answered {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}",
    };

    private static TargetAddressRefusedException? RefusalIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is TargetAddressRefusedException refused) return refused;
        }
        return null;
    }

    private static TargetCheckReport Fail(List<TargetCheckStep> steps, string stage, string message)
    {
        steps.Add(new(stage, false, message));
        return new TargetCheckReport(false, steps);
    }
}
