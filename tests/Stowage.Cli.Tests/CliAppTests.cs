using System.Net;
using System.Text;

namespace Stowage.Cli.Tests;

public sealed class CliAppTests
{
    private static readonly ServiceUrls Urls = new(new("http://policy:1/"), new("http://scheduler:2/"), new("http://mover:3/"), new("http://restore:4/"));

    private sealed class StubHandler(HttpStatusCode status, string body, bool unreachable = false) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            if (unreachable) throw new HttpRequestException("Connection refused");
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private static async Task<(int Exit, string Output, string Error, StubHandler Stub)> Run(StubHandler stub, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new CliApp(Urls, output, error, stub).RunAsync(args);
        return (exit, output.ToString(), error.ToString(), stub);
    }

    [Fact]
    public async Task A_list_calls_the_policy_service_with_its_filters_and_prints_the_answer()
    {
        var (exit, output, _, stub) = await Run(new StubHandler(HttpStatusCode.OK, """{"items":[],"total":0}"""), "policies", "list", "--namespace", "shop", "--status", "paused");
        Assert.Equal(0, exit);
        Assert.Equal("http://policy:1/policies?namespace=shop&status=paused", stub.Requests.Single().Request.RequestUri!.ToString());
        Assert.Contains("\"total\": 0", output);
    }

    [Fact]
    public async Task Replace_sends_the_version_as_if_match_and_the_file_as_body()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"retention":{"keepLast":3}}""");
        var (exit, _, _, stub) = await Run(new StubHandler(HttpStatusCode.OK, "{}"), "policies", "replace", "p1", "--version", "3", "-f", file);
        Assert.Equal(0, exit);
        var (request, body) = stub.Requests.Single();
        Assert.Equal((HttpMethod.Put, "\"3\""), (request.Method, request.Headers.IfMatch.Single().Tag));
        Assert.Equal("""{"retention":{"keepLast":3}}""", body);
    }

    [Fact]
    public async Task A_refusal_prints_one_line_naming_every_bad_field_and_exits_1()
    {
        var problem = """{"title":"One or more fields are invalid.","status":400,"errors":{"retention.keepLast":["must be at least 1"],"target.bucket":["is required"]}}""";
        var (exit, _, error, _) = await Run(new StubHandler(HttpStatusCode.BadRequest, problem), "backups", "now", "p1");
        Assert.Equal(1, exit);
        Assert.Equal("error: 400 One or more fields are invalid.; retention.keepLast: must be at least 1; target.bucket: is required", error.Trim());
    }

    [Fact]
    public async Task Bad_usage_exits_2_with_the_command_list()
    {
        var (exit, _, error, stub) = await Run(new StubHandler(HttpStatusCode.OK, "{}"), "policies", "frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("unknown command", error);
        Assert.Empty(stub.Requests);

        var (missing, _, missingError, _) = await Run(new StubHandler(HttpStatusCode.OK, "{}"), "restores", "start");
        Assert.Equal(2, missing);
        Assert.Contains("missing -f FILE", missingError);
    }

    [Fact]
    public async Task An_unreachable_service_exits_3()
    {
        var (exit, _, error, _) = await Run(new StubHandler(HttpStatusCode.OK, "{}", unreachable: true), "restores", "status", "r1");
        Assert.Equal(3, exit);
        Assert.StartsWith("error: cannot reach the service", error);
    }
}
