using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Pynsights.Api.Tests.Topics;

public sealed class TopicsApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSectionsListsEverySectionWithCounts()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/sections");
        var items = body["items"]!.AsArray();
        Assert.Equal(["sequences", "data-structures"], items.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(2, items[1]!["topicCount"]!.GetValue<int>());
        Assert.Equal(1, items[1]!["publishedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListTopicsPagesWithCursorsToTheEnd()
    {
        var first = await ApiJson.GetAsync(_client, "/api/v1/topics?first=2");
        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.Equal(["slicing", "dicts"], Ids(first));
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await ApiJson.GetAsync(_client, $"/api/v1/topics?first=2&after={after}");
        Assert.Equal(["sets"], Ids(second));
        Assert.False(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal("planned", second["edges"]![0]!["node"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListTopicsFiltersBySection()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/topics?section=data-structures");
        Assert.Equal(["dicts", "sets"], Ids(body));
        Assert.Equal(2, body["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListTopicsSearchesTheGuideText()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/topics?q=ZEBRA");
        Assert.Equal(["slicing"], Ids(body));
    }

    [Fact]
    public async Task ListTopicsRanksTitleMatchesFirst()
    {
        // "slicing" is the slicing topic's title and only in the dict topic's summary.
        var body = await ApiJson.GetAsync(_client, "/api/v1/topics?q=slicing");
        Assert.Equal(["slicing", "dicts"], Ids(body));
    }

    [Fact]
    public async Task ListTopicsRequiresEverySearchWord()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/topics?q=slicing%20perturbed");
        Assert.Equal(["dicts"], Ids(body));
        var none = await ApiJson.GetAsync(_client, "/api/v1/topics?q=slicing%20nothing-like-this");
        Assert.Empty(none["edges"]!.AsArray());
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
        Assert.Null(none["pageInfo"]!["endCursor"]);
    }

    [Theory]
    [InlineData("first=0", "first", 100)]
    [InlineData("first=101", "first", 100)]
    [InlineData("first=abc", "first", 100)]
    [InlineData("section=nowhere", "section", null)]
    public async Task ListTopicsRejectsBadParameters(string query, string field, int? limit)
    {
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/topics?{query}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("/problems/invalid-parameter", problem["type"]!.GetValue<string>());
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Equal(limit, problem["limit"]?.GetValue<int>());
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListTopicsRejectsATooLongSearch()
    {
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/topics?q={new string('a', 201)}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("q", problem["field"]!.GetValue<string>());
        Assert.Equal(200, problem["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListTopicsRejectsTooManySearchWords()
    {
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/topics?q={string.Join("+", Enumerable.Repeat("a", 11))}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal(10, problem["limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("dG9waWNzOm5vLXN1Y2gtdG9waWM")] // topics:no-such-topic
    [InlineData("c3RlcHM6MTA")] // steps:10, a cursor of another listing
    public async Task ListTopicsRejectsForeignOrStaleCursors(string cursor)
    {
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/topics?after={cursor}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("/problems/invalid-cursor", problem["type"]!.GetValue<string>());
        Assert.Equal("after", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorFromAnotherFilterIsRejected()
    {
        var page = await ApiJson.GetAsync(_client, "/api/v1/topics?first=1");
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>(); // slicing
        await ApiJson.GetAsync(_client, $"/api/v1/topics?section=data-structures&after={cursor}", HttpStatusCode.BadRequest, "application/problem+json");
    }

    [Fact]
    public async Task GetTopicReturnsMetadataReferencesAndTheGuideInThreeForms()
    {
        var topic = await ApiJson.GetAsync(_client, "/api/v1/topics/slicing");
        Assert.Equal("Slicing", topic["title"]!.GetValue<string>());
        Assert.Equal("published", topic["status"]!.GetValue<string>());
        Assert.Equal("3.10", topic["pythonVersions"]!["min"]!.GetValue<string>());
        Assert.Equal(["docs", "pep", "cpython"], topic["references"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(["slicing"], ApiJson.Strings(topic["simulations"]));
        Assert.Empty(topic["plannedSimulations"]!.AsArray());
        var guide = topic["guide"]!;
        Assert.StartsWith("# Slicing", guide["markdown"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"steps\">Steps</h2>", guide["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["slicing", "the-indices", "steps"], guide["outline"]!.AsArray().Select(h => h!["anchor"]!.GetValue<string>()));
        Assert.True(guide["wordCount"]!.GetValue<int>() > 10);
    }

    [Fact]
    public async Task GetTopicOfAPlannedTopicHasNoGuide()
    {
        var topic = await ApiJson.GetAsync(_client, "/api/v1/topics/sets");
        Assert.Equal("planned", topic["status"]!.GetValue<string>());
        Assert.Null(topic["guide"]);
    }

    [Fact]
    public async Task GetTopicReturns404ProblemForAnUnknownId()
    {
        var problem = await ApiJson.GetAsync(_client, "/api/v1/topics/nope", HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("/problems/not-found", problem["type"]!.GetValue<string>());
        Assert.Equal("nope", problem["id"]!.GetValue<string>());
        Assert.Equal("/api/v1/topics/nope", problem["instance"]!.GetValue<string>());
        Assert.NotNull(problem["traceId"]);
    }

    [Theory]
    [InlineData(null, "text/markdown", "# Slicing")]
    [InlineData("text/markdown", "text/markdown", "# Slicing")]
    [InlineData("text/html", "text/html", "<h1 id=\"slicing\">")]
    [InlineData("text/html;q=0.5, text/markdown;q=0.9", "text/markdown", "# Slicing")]
    [InlineData("text/*;q=0.5, text/html", "text/html", "<h1")]
    [InlineData("*/*", "text/markdown", "# Slicing")]
    public async Task GetGuideNegotiatesMarkdownOrHtml(string? accept, string mediaType, string start)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics/slicing/guide");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGuideAnswers406WhenNothingAcceptableIsAsked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics/slicing/guide");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var response = await _client.SendAsync(request, Ct);
        var problem = await ApiJson.ReadAsync(response, HttpStatusCode.NotAcceptable, "application/problem+json");
        Assert.Equal(["text/markdown", "text/html"], ApiJson.Strings(problem["supported"]));
    }

    [Fact]
    public async Task GetGuideOfAPlannedTopicSaysItIsNotWritten()
    {
        var problem = await ApiJson.GetAsync(_client, "/api/v1/topics/sets/guide", HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("/problems/guide-not-written", problem["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/v1/sections")]
    [InlineData("/api/v1/topics?first=2")]
    [InlineData("/api/v1/topics/slicing")]
    [InlineData("/api/v1/topics/slicing/guide")]
    [InlineData("/graphql/schema.graphql")]
    public async Task GetReturns304WhenETagMatches(string url)
    {
        using var first = await _client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await _client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef\""));
        using var third = await _client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task HtmlAndMarkdownGuidesHaveDifferentETags()
    {
        using var markdown = await _client.GetAsync(new Uri("/api/v1/topics/slicing/guide", UriKind.Relative), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics/slicing/guide");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var html = await _client.SendAsync(request, Ct);
        Assert.NotEqual(markdown.Headers.ETag, html.Headers.ETag);
    }

    [Fact]
    public async Task ProblemTypesResolveToTheirMeaning()
    {
        var type = await ApiJson.GetAsync(_client, "/problems/invalid-cursor");
        Assert.Equal("/problems/invalid-cursor", type["type"]!.GetValue<string>());
        await ApiJson.GetAsync(_client, "/problems/nothing", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblemToo()
    {
        var problem = await ApiJson.GetAsync(_client, "/api/v1/nothing-here", HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    private static string[] Ids(JsonNode page) =>
        [.. page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>())];
}
