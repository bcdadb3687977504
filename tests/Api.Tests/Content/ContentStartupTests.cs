using Pynsights.Api.Content;

namespace Pynsights.Api.Tests.Content;

public sealed class ContentStartupTests
{
    [Fact]
    public async Task TheApiProcessRefusesToStartOnInvalidContentWithTheSameMessage()
    {
        using var sandbox = new ContentSandbox();
        sandbox.Replace("topics/dicts.md", "section: data-structures", "section: nowhere");
        var expected = Assert.Throws<ContentValidationException>(() =>
            new ContentLoader(Pynsights.Simulation.SimulatorCatalog.Default, TimeProvider.System).Load(sandbox.Root)).Errors.Single().ToString();
        Assert.EndsWith("topics/dicts.md:4: unknown section 'nowhere'; sections.yaml has: sequences, data-structures.", expected, StringComparison.Ordinal);

        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Pynsights.Api.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["Content__Root"] = sandbox.Root, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expected, await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReloadSwapsTheCatalogAndAnInvalidOneKeepsThePrevious()
    {
        using var sandbox = new ContentSandbox();
        using var factory = new PynsightsApiFactory { ContentRoot = sandbox.Root };
        var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<ContentStore>();

        sandbox.Replace("topics/dicts.md", "title: \"Dicts and hashing\"", "title: \"Dicts, renamed\"");
        Assert.Empty(store.Reload());
        var topic = await ApiJson.GetAsync(client, "/api/v1/topics/dicts");
        Assert.Equal("Dicts, renamed", topic["title"]!.GetValue<string>());

        sandbox.Replace("topics/dicts.md", "section: data-structures", "section: nowhere");
        Assert.NotEmpty(store.Reload());
        topic = await ApiJson.GetAsync(client, "/api/v1/topics/dicts");
        Assert.Equal("Dicts, renamed", topic["title"]!.GetValue<string>());
        var health = await ApiJson.GetAsync(client, "/health");
        Assert.Equal("degraded", health["checks"]!["content"]!["status"]!.GetValue<string>());
    }
}
