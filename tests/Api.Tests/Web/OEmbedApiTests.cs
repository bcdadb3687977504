namespace Pynsights.Api.Tests.Web;

public sealed class OEmbedApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string OEmbed(string url, string extra = "") => $"/api/v1/oembed?url={Uri.EscapeDataString(url)}{extra}";

    [Fact]
    public async Task EmbedPlayerUrlGetsARichIframeOfTheDefaultSize()
    {
        var body = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing?input=%7B%22length%22%3A10%7D&step=3"));
        Assert.Equal("rich", body["type"]!.GetValue<string>());
        Assert.Equal("1.0", body["version"]!.GetValue<string>());
        Assert.Equal("Pynsights", body["provider_name"]!.GetValue<string>());
        Assert.Equal("http://localhost", body["provider_url"]!.GetValue<string>());
        Assert.Equal(800, body["width"]!.GetValue<int>());
        Assert.Equal(600, body["height"]!.GetValue<int>());
        Assert.True(body["cache_age"]!.GetValue<int>() > 0);
        var html = body["html"]!.GetValue<string>();
        Assert.StartsWith("<iframe src=\"http://localhost/embed/simulations/slicing?", html, StringComparison.Ordinal);
        Assert.Contains("step=3", html, StringComparison.Ordinal);
        Assert.Contains("width=\"800\" height=\"600\"", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Pynsights: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxWidthAndMaxHeightShrinkTheIframe()
    {
        var body = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing", "&maxwidth=400&maxheight=300&format=json"));
        Assert.Equal(400, body["width"]!.GetValue<int>());
        Assert.Equal(300, body["height"]!.GetValue<int>());
        Assert.Contains("width=\"400\" height=\"300\"", body["html"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicUrlEmbedsTheTopicsFirstSimulator()
    {
        var body = await ApiJson.GetAsync(_client, OEmbed("http://localhost/topics/slicing"));
        Assert.Contains("/embed/simulations/slicing", body["html"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlIsEncodedSoAQueryCannotBreakOutOfTheAttribute()
    {
        var body = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing?input=%22%3E%3Cscript%3E"));
        var html = body["html"]!.GetValue<string>();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(html.Split('<', StringSplitOptions.RemoveEmptyEntries), p => p.StartsWith("iframe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingUrlIsA400ProblemNamingTheField()
    {
        var problem = await ApiJson.GetAsync(_client, "/api/v1/oembed", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("/problems/invalid-parameter", problem["type"]!.GetValue<string>());
        Assert.Equal("url", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task UrlOverTheLengthLimitIsA400ProblemWithTheLimit()
    {
        var problem = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing?input=" + new string('x', 2100)), HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("url", problem["field"]!.GetValue<string>());
        Assert.Equal(2048, problem["limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("maxwidth", "0")]
    [InlineData("maxwidth", "9000")]
    [InlineData("maxheight", "abc")]
    [InlineData("maxheight", "-5")]
    public async Task MaxSizeOutOfRangeIsA400ProblemWithTheLimit(string field, string value)
    {
        var problem = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing", $"&{field}={value}"), HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("/problems/invalid-parameter", problem["type"]!.GetValue<string>());
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Equal(8192, problem["limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://localhost/embed/simulations/slicing")]
    public async Task UrlThatIsNotHttpIsA400Problem(string url)
    {
        var problem = await ApiJson.GetAsync(_client, OEmbed(url), HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("url", problem["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://elsewhere.example/embed/simulations/slicing")]
    [InlineData("http://localhost/embed/simulations/no-such-simulator")]
    [InlineData("http://localhost/topics/no-such-topic")]
    [InlineData("http://localhost/topics/sets")]
    [InlineData("http://localhost/swagger")]
    public async Task UrlThatIsNoEmbeddablePageOfThisSiteIsA404Problem(string url)
    {
        var problem = await ApiJson.GetAsync(_client, OEmbed(url), HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("/problems/not-found", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormatOtherThanJsonIsA501Problem()
    {
        var problem = await ApiJson.GetAsync(_client, OEmbed("http://localhost/embed/simulations/slicing", "&format=xml"), HttpStatusCode.NotImplemented, "application/problem+json");
        Assert.Equal("format", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task OEmbedIsInTheOpenApiDocument()
    {
        var document = await ApiJson.GetAsync(_client, "/swagger/v1/swagger.json");
        Assert.Equal("GetOEmbed", document["paths"]!["/api/v1/oembed"]!["get"]!["operationId"]!.GetValue<string>());
    }
}
