using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Api.Tests.Traces;

public sealed class TraceStepsTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FollowingCursorsVisitsEveryStepOnce()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 100, ["step"] = 7 });
        var id = trace["id"]!.GetValue<string>();
        var total = trace["stepCount"]!.GetValue<int>();
        var indices = new List<int>();
        string? after = null;
        do
        {
            var page = await ApiJson.GetAsync(_client, $"/api/v1/traces/{id}/steps?first=4" + (after is null ? "" : $"&after={after}"));
            Assert.Equal(total, page["totalCount"]!.GetValue<int>());
            indices.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["index"]!.GetValue<int>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(0, total), indices);
    }

    [Fact]
    public async Task EveryStepIsSelfContained()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 10, ["start"] = -3 });
        var page = await ApiJson.GetAsync(_client, $"/api/v1/traces/{trace["id"]}/steps?first=500");
        foreach (var node in page["edges"]!.AsArray().Select(e => e!["node"]!))
        {
            Assert.False(string.IsNullOrWhiteSpace(node["kind"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(node["message"]!.GetValue<string>()));
            Assert.NotNull(node["state"]);
            Assert.NotNull(node["highlight"]);
        }

        var source = page["edges"]!.AsArray().Select(e => e!["node"]!["source"]).First(s => s is not null)!;
        Assert.Matches(@"^https://github\.com/python/cpython/blob/v3\.\d+\.\d+/Objects/sliceobject\.c#L\d+$", source["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task LastAndBeforePageBackwards()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 30 });
        var id = trace["id"]!.GetValue<string>();
        var total = trace["stepCount"]!.GetValue<int>();
        var tail = await ApiJson.GetAsync(_client, $"/api/v1/traces/{id}/steps?last=5");
        Assert.Equal(Enumerable.Range(total - 5, 5), Indices(tail));
        Assert.False(tail["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(tail["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var before = tail["pageInfo"]!["startCursor"]!.GetValue<string>();
        var previous = await ApiJson.GetAsync(_client, $"/api/v1/traces/{id}/steps?last=5&before={before}");
        Assert.Equal(Enumerable.Range(total - 10, 5), Indices(previous));
    }

    [Fact]
    public async Task AtJumpsToAStep()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 50 });
        var page = await ApiJson.GetAsync(_client, $"/api/v1/traces/{trace["id"]}/steps?at=20&first=3");
        Assert.Equal([20, 21, 22], Indices(page));
        Assert.True(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("first=0", "first")]
    [InlineData("first=501", "first")]
    [InlineData("last=-1", "last")]
    [InlineData("first=2&last=2", "last")]
    [InlineData("at=999999", "at")]
    [InlineData("at=x", "at")]
    [InlineData("at=1&after=abc", "at")]
    public async Task BadPageParametersAre400(string query, string field)
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 5 });
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/traces/{trace["id"]}/steps?{query}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal(field, problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorOfAnotherTraceIs400()
    {
        var a = await CreateAsync(new JsonObject { ["length"] = 6 });
        var b = await CreateAsync(new JsonObject { ["length"] = 7 });
        var page = await ApiJson.GetAsync(_client, $"/api/v1/traces/{a["id"]}/steps?first=2");
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/traces/{b["id"]}/steps?after={cursor}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("/problems/invalid-cursor", problem["type"]!.GetValue<string>());
        await ApiJson.GetAsync(_client, $"/api/v1/traces/{b["id"]}/steps?after=forged", HttpStatusCode.BadRequest, "application/problem+json");
    }

    [Theory]
    [InlineData("/api/v1/traces/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/v1/traces/0123456789abcdef0123456789abcdef/steps")]
    [InlineData("/api/v1/traces/not-an-id/steps")]
    public async Task AnUnknownTraceIs404(string url)
    {
        var problem = await ApiJson.GetAsync(_client, url, HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("trace", problem["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task StepPagesAreImmutableAndCacheable()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 9 });
        var url = $"/api/v1/traces/{trace["id"]}/steps?first=3";
        using var first = await _client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task AMillionStepTraceServesAPageDeepInsideAtPageCost()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 1_000_000 });
        var total = trace["stepCount"]!.GetValue<int>();
        Assert.True(total > 1_000_000);
        var page = await ApiJson.GetAsync(_client, $"/api/v1/traces/{trace["id"]}/steps?at=900000&first=3");
        Assert.Equal([900000, 900001, 900002], Indices(page));
        Assert.Equal(total, page["totalCount"]!.GetValue<int>());
        var last = await ApiJson.GetAsync(_client, $"/api/v1/traces/{trace["id"]}/steps?last=1");
        Assert.Equal([total - 1], Indices(last));
    }

    [Fact]
    public async Task ATraceOverTheStepLimitIs422WithTheLimit()
    {
        using var limited = new PynsightsApiFactory { Settings = { ["Traces:MaxSteps"] = "50" } };
        using var client = limited.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 100 } }, Ct);
        var problem = await ApiJson.ReadAsync(response, (HttpStatusCode)422, "application/problem+json");
        Assert.Equal("/problems/trace-too-large", problem["type"]!.GetValue<string>());
        Assert.Equal(50, problem["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task GraphQLPagesMatchRest()
    {
        var trace = await CreateAsync(new JsonObject { ["length"] = 12, ["step"] = 2 });
        var id = trace["id"]!.GetValue<string>();
        var rest = await ApiJson.GetAsync(_client, $"/api/v1/traces/{id}/steps?first=4");
        var graph = await ApiJson.GraphQLAsync(_client, """
            query($id: ID!) { trace(id: $id) { stepCount result steps(first: 4) { totalCount pageInfo { hasNextPage endCursor }
              edges { cursor node { index kind message state highlight source { file function line url } } } } } }
            """, new { id });
        var steps = graph["data"]!["trace"]!["steps"]!;
        Assert.True(JsonNode.DeepEquals(rest["edges"], steps["edges"]), $"{rest["edges"]}\n{steps["edges"]}");
        Assert.True(JsonNode.DeepEquals(trace["result"], graph["data"]!["trace"]!["result"]));
    }

    [Fact]
    public async Task GraphQLSimulateGivesTheRestTrace()
    {
        var rest = await CreateAsync(new JsonObject { ["length"] = 11, ["stop"] = -2 });
        var graph = await ApiJson.GraphQLAsync(_client, "{ simulate(simulator: \"slicing\", input: {length: 11, stop: -2}) { id stepCount input } }");
        Assert.Equal(rest["id"]!.GetValue<string>(), graph["data"]!["simulate"]!["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(rest["input"], graph["data"]!["simulate"]!["input"]));
        var mutation = await ApiJson.GraphQLAsync(_client, "mutation { simulate(simulator: \"slicing\", input: {length: 11, stop: -2}) { id } }");
        Assert.Equal(rest["id"]!.GetValue<string>(), mutation["data"]!["simulate"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQLInputErrorsCarryTheFields()
    {
        var graph = await ApiJson.GraphQLAsync(_client, "{ simulate(simulator: \"slicing\", input: {length: -1}) { id } }");
        var error = graph["errors"]![0]!;
        Assert.Equal("INVALID_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("input.length", error["extensions"]!["data"]!["field"]!.GetValue<string>());
        var unknown = await ApiJson.GraphQLAsync(_client, "{ simulate(simulator: \"nope\", input: {}) { id } }");
        Assert.Equal("NOT_FOUND", unknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var cursor = await ApiJson.GraphQLAsync(_client, "{ simulators { id } trace(id: \"0123456789abcdef0123456789abcdef\") { id } }");
        Assert.Null(cursor["data"]!["trace"]);
    }

    [Fact]
    public async Task MutationsOverGetAre405()
    {
        var query = Uri.EscapeDataString("mutation { simulate(simulator: \"slicing\", input: {length: 3}) { id } }");
        using var response = await _client.GetAsync(new Uri($"/graphql?query={query}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    private static int[] Indices(JsonNode page) => [.. page["edges"]!.AsArray().Select(e => e!["node"]!["index"]!.GetValue<int>())];

    private async Task<JsonNode> CreateAsync(JsonObject input)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input }, Ct);
        return await ApiJson.ReadAsync(response, response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
    }
}
