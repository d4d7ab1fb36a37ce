using System.Reflection;
using Stowage.Contracts;

namespace Stowage.Deployment.Tests.AsyncApi;

public sealed class AsyncApiTests
{
    private static readonly string DocumentPath = Path.Combine(FindRoot(), "docs", "asyncapi.yaml");

    [Fact]
    public void The_topic_catalog_names_every_topic_constant_once()
    {
        var constants = typeof(TopicCatalog).Assembly.GetTypes().Where(t => t.Name.EndsWith("Topics", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));
        Assert.Equal(constants.Order(), TopicCatalog.All.Select(c => c.Topic).Order());
        Assert.All(TopicCatalog.All, c => Assert.True(typeof(IIntegrationEvent).IsAssignableFrom(c.Message), $"{c.Message.Name} is not an integration event"));
    }

    [Fact]
    public void Docs_asyncapi_yaml_is_what_the_contract_types_generate()
    {
        var generated = AsyncApiDocument.Generate();
        if (Environment.GetEnvironmentVariable("STOWAGE_WRITE_ASYNCAPI") == "1") File.WriteAllText(DocumentPath, generated);
        var committed = File.Exists(DocumentPath) ? File.ReadAllText(DocumentPath).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated,
            "docs/asyncapi.yaml differs from the contract types; run STOWAGE_WRITE_ASYNCAPI=1 dotnet test tests/Stowage.Deployment.Tests --filter AsyncApi and commit it. "
            + $"First difference at character {FirstDifference(committed, generated)}.");
    }

    [Fact]
    public void Finished_payloads_declare_the_correlation_id_and_each_command_is_received_with_its_finished_event_as_reply()
    {
        var document = AsyncApiDocument.Generate();
        Assert.Contains("  receiveBackupCommand:\n    action: receive\n", document);
        Assert.Contains("  receiveRestoreCommand:\n    action: receive\n    channel:\n      $ref: '#/channels/restoreCommand'\n    messages:\n"
            + "    - $ref: '#/channels/restoreCommand/messages/RestoreCommand'\n    reply:\n      channel:\n        $ref: '#/channels/restoreFinished'\n", document);
        Assert.Contains("      correlationId:\n", document);
        Assert.Contains("location: $message.payload#/correlationId", document);
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found above the test folder.");
    }
}
