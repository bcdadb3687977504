namespace Pynsights.Api.Tests.Web;

/// <summary>The API serving a built frontend from <c>Web:Root</c> (a tiny stand-in build made per test class).</summary>
public sealed class WebFrontendTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pynsights-web-").FullName;
    private readonly PynsightsApiFactory _factory;
    private readonly HttpClient _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WebFrontendTests()
    {
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><title>spa</title><div id=root></div>");
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "assets", "app-abc123.js"), "console.log('app')");
        _factory = new PynsightsApiFactory { Settings = { ["Web:Root"] = _root } };
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct), response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/topics/sequences-slicing")]
    [InlineData("/embed/simulations/slicing")]
    public async Task SpaRoutesGetIndexHtml(string path)
    {
        var (status, mediaType, body, response) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", mediaType);
        Assert.Contains("<title>spa</title>", body, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task HashedAssetsAreServedImmutable()
    {
        var (status, _, body, response) = await GetAsync("/assets/app-abc123.js");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("console.log", body, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAssetIs404NotIndexHtml()
    {
        var (status, _, body, _) = await GetAsync("/assets/missing-1.js");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("<title>spa</title>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/topics")]
    [InlineData("/graphql/nothing")]
    [InlineData("/health/nothing")]
    [InlineData("/problems/a/b")]
    [InlineData("/swagger/nothing")]
    public async Task ApiPrefixesAreNeverShadowedBySpaFallback(string path)
    {
        var (status, mediaType, body, _) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotEqual("text/html", mediaType);
        Assert.DoesNotContain("<title>spa</title>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingAnswersStandWithAFrontend()
    {
        using var post = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{ sections { id } }"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, post.StatusCode);
        using var get = await _client.GetAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var spaPost = await _client.PostAsync(new Uri("/topics/slicing", UriKind.Relative), new StringContent(""), Ct);
        Assert.Equal(HttpStatusCode.NotFound, spaPost.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/sections", "application/json")]
    [InlineData("/health", "application/json")]
    [InlineData("/graphql/schema.graphql", "text/plain")]
    public async Task ApiEndpointsStillAnswer(string path, string mediaType)
    {
        var (status, actual, _, _) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(mediaType, actual);
    }
}

/// <summary>Without a built frontend the API stays headless: <c>/</c> redirects to Swagger UI.</summary>
public sealed class HeadlessRootTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    [Fact]
    public async Task RootRedirectsToSwaggerWhenNoFrontendIsBuilt()
    {
        using var factoryWithoutFrontend = factory.WithWebHostBuilder(b => b.UseSetting("Web:Root", Path.Combine(Path.GetTempPath(), "pynsights-no-web-" + Guid.NewGuid().ToString("N"))));
        using var client = factoryWithoutFrontend.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/swagger", response.Headers.Location?.OriginalString);
    }
}
