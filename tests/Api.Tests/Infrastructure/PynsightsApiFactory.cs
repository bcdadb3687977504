using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>
/// The API in process, on a chosen content root (the small fixture catalog by default, so tests pin exact
/// answers) and with extra configuration.
/// </summary>
public sealed class PynsightsApiFactory : WebApplicationFactory<Program>
{
    public string ContentRoot { get; init; } = TestPaths.FixtureContent;

    /// <summary>Configuration keys set on top of appsettings.json (e.g. <c>Limits:MaxPageSize</c>).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Root", ContentRoot);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
