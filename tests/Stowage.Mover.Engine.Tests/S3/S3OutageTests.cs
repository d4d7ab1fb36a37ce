using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.Mover.Engine.Storage;
using Stowage.Testing.S3;

namespace Stowage.Mover.Engine.Tests.S3;

/// <summary>An object store that stops answering for a while is ridden out; one that stays away fails naming where it was.</summary>
[Collection("S3 server")]
public sealed class S3OutageTests(S3ServerFixture server)
{
    [Fact]
    public async Task A_write_and_a_list_during_a_gateway_outage_succeed_once_the_gateway_is_back()
    {
        var bucket = await server.CreateBucketAsync("mover-outage");
        using var backend = new S3Backend(Options(server.ServiceUrl, bucket) with { OutageTolerance = TimeSpan.FromMinutes(2) });
        var payload = "written while the store was down"u8.ToArray();

        server.Gateway.StopGateway();
        Task write, list;
        var down = Stopwatch.StartNew();
        try
        {
            write = backend.WriteAsync("data/outage", payload, mustNotExist: true, CancellationToken.None);
            list = backend.ListAsync("data/", CancellationToken.None).ToListAsync().AsTask();
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.False(write.IsCompleted, "the write must wait for the store, not fail");
        }
        finally
        {
            await server.Gateway.StartGatewayAsync();
        }

        await write;
        await list;
        Assert.True(down.Elapsed >= TimeSpan.FromSeconds(4));
        Assert.Equal(payload, await backend.ReadAsync("data/outage", CancellationToken.None));
    }

    [Fact]
    public async Task A_store_that_stays_away_past_the_tolerance_fails_naming_the_endpoint_and_the_bucket()
    {
        var closed = ClosedLoopbackEndpoint();
        using var backend = new S3Backend(Options(closed, "team-bucket") with
        {
            OutageTolerance = TimeSpan.FromSeconds(2), FirstRetryWait = TimeSpan.FromMilliseconds(100),
        });

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<RepositoryUnreachableException>(() => backend.ReadAsync("config", CancellationToken.None));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"gave up after {clock.Elapsed}");
        Assert.Contains(closed, failure.Message);
        Assert.Contains("'team-bucket'", failure.Message);
        Assert.Contains("Check that the endpoint is reachable", failure.Message);
    }

    [Fact]
    public async Task A_refused_request_is_not_retried()
    {
        using var backend = new S3Backend(Options(server.ServiceUrl, "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => backend.ListAsync("", CancellationToken.None).ToListAsync().AsTask());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "a missing bucket is not an outage");
    }

    [Fact]
    public async Task A_create_only_write_whose_answer_was_lost_is_not_reported_as_taken()
    {
        var bucket = await server.CreateBucketAsync("mover-lost-answer");
        var options = Options(server.ServiceUrl, bucket);
        using var backend = new S3Backend(new AnswerLosingClient(server), options);

        await backend.WriteAsync("locks/mine", "lock"u8.ToArray(), mustNotExist: true, CancellationToken.None);

        await Assert.ThrowsAsync<ObjectExistsException>(() => backend.WriteAsync("locks/mine", "another"u8.ToArray(), mustNotExist: true, CancellationToken.None));
    }

    private S3BackendOptions Options(string endpoint, string bucket) => new()
    {
        ServiceUrl = endpoint, Region = server.Region, Bucket = bucket, AccessKey = server.AccessKey, SecretKey = server.SecretKey,
    };

    private static string ClosedLoopbackEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>The store takes the first PUT, then the connection drops before its answer arrives.</summary>
    private sealed class AnswerLosingClient(S3ServerFixture server) : AmazonS3Client(
        new BasicAWSCredentials(server.AccessKey, server.SecretKey),
        new AmazonS3Config { ServiceURL = server.ServiceUrl, AuthenticationRegion = server.Region, ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED })
    {
        private int puts;

        public override async Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default)
        {
            var response = await base.PutObjectAsync(request, cancellationToken);
            if (Interlocked.Increment(ref puts) == 1) throw new HttpRequestException("The connection was reset before the answer.", new SocketException((int)SocketError.ConnectionReset));
            return response;
        }
    }
}
