using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Pynsights.Api.Tests.GraphQL;

public sealed class GraphQLEndpointTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TopicsQueryReturnsTheSameIdsAsRest()
    {
        var rest = await ApiJson.GetAsync(_client, "/api/v1/topics?first=100");
        var graph = await ApiJson.GraphQLAsync(_client, "{ topics(first: 100) { totalCount edges { cursor node { id title section order status } } } }");
        var restEdges = rest["edges"]!.AsArray();
        var graphEdges = graph["data"]!["topics"]!["edges"]!.AsArray();
        Assert.Equal(rest["totalCount"]!.GetValue<int>(), graph["data"]!["topics"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(restEdges.Count, graphEdges.Count);
        for (var i = 0; i < restEdges.Count; i++)
        {
            var (r, g) = (restEdges[i]!, graphEdges[i]!);
            Assert.Equal(r["cursor"]!.GetValue<string>(), g["cursor"]!.GetValue<string>());
            foreach (var field in (string[])["id", "title", "section"])
            {
                Assert.Equal(r["node"]![field]!.GetValue<string>(), g["node"]![field]!.GetValue<string>());
            }

            Assert.Equal(r["node"]!["status"]!.GetValue<string>().ToUpperInvariant(), g["node"]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task TopicsQueryPagesWithTheSameCursorsAsRest()
    {
        var first = await ApiJson.GraphQLAsync(_client, "{ topics(first: 2) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id } } }");
        var pageInfo = first["data"]!["topics"]!["pageInfo"]!;
        Assert.True(pageInfo["hasNextPage"]!.GetValue<bool>());
        var after = pageInfo["endCursor"]!.GetValue<string>();
        var second = await ApiJson.GraphQLAsync(_client, "query($after: String) { topics(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } }", new { after });
        Assert.Equal(["sets"], second["data"]!["topics"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        var rest = await ApiJson.GetAsync(_client, $"/api/v1/topics?first=2&after={after}");
        Assert.Equal("sets", rest["edges"]![0]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TopicQueryMatchesRestDetail()
    {
        var rest = await ApiJson.GetAsync(_client, "/api/v1/topics/slicing");
        var graph = (await ApiJson.GraphQLAsync(_client, """
            { topic(id: "slicing") { title summary pythonVersions { min max } tags references { kind title url }
              plannedSimulations guide { markdown html outline { level text anchor } wordCount } } }
            """))["data"]!["topic"]!;
        Assert.Equal(rest["summary"]!.GetValue<string>(), graph["summary"]!.GetValue<string>());
        Assert.Equal(rest["guide"]!["html"]!.GetValue<string>(), graph["guide"]!["html"]!.GetValue<string>());
        Assert.Equal(rest["guide"]!["markdown"]!.GetValue<string>(), graph["guide"]!["markdown"]!.GetValue<string>());
        Assert.Equal(rest["guide"]!["wordCount"]!.GetValue<int>(), graph["guide"]!["wordCount"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(rest["guide"]!["outline"], graph["guide"]!["outline"]));
        Assert.Equal(
            rest["references"]!.AsArray().Select(r => r!["url"]!.GetValue<string>()),
            graph["references"]!.AsArray().Select(r => r!["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SectionsQueryMatchesRest()
    {
        var rest = await ApiJson.GetAsync(_client, "/api/v1/sections");
        var graph = await ApiJson.GraphQLAsync(_client, "{ sections { id title order summary topicCount publishedCount } }");
        Assert.True(JsonNode.DeepEquals(rest["items"], graph["data"]!["sections"]));
    }

    [Fact]
    public async Task TopicQueryReturnsNullForAnUnknownId()
    {
        var graph = await ApiJson.GraphQLAsync(_client, "{ topic(id: \"nope\") { id } }");
        Assert.Null(graph["data"]!["topic"]);
        Assert.Null(graph["errors"]);
    }

    [Fact]
    public async Task GetRunsAQueryFromTheUrl()
    {
        var query = Uri.EscapeDataString("query($id: ID!) { topic(id: $id) { id } }");
        var variables = Uri.EscapeDataString("{\"id\":\"dicts\"}");
        var body = await ApiJson.GetAsync(_client, $"/graphql?query={query}&variables={variables}");
        Assert.Equal("dicts", body["data"]!["topic"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetWithBadVariablesIs400()
    {
        var body = await ApiJson.GetAsync(_client, "/graphql?query=%7B__typename%7D&variables=%5Bnot-json", HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_REQUEST", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ArgumentErrorsCarryACodeTheFieldAndTheLimit()
    {
        var body = await ApiJson.GraphQLAsync(_client, "{ topics(first: 500) { totalCount } }");
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_ARGUMENT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("first", error["extensions"]!["data"]!["field"]!.GetValue<string>());
        Assert.Equal(100, error["extensions"]!["data"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABadCursorIsAnInvalidCursorError()
    {
        var body = await ApiJson.GraphQLAsync(_client, "{ topics(after: \"garbage\") { totalCount } }");
        Assert.Equal("INVALID_CURSOR", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidationErrorsAre400WithGraphQLResponseJson()
    {
        using var response = await PostAsync("{ nope }", GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, GraphQLResponse);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task ValidationErrorsAre200WithLegacyJson()
    {
        using var response = await PostAsync("{ nope }", "application/json");
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.OK);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task ASyntaxErrorIs400WithGraphQLResponseJson()
    {
        using var response = await PostAsync("{ topics(", GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, GraphQLResponse);
        Assert.Equal("SYNTAX_ERROR", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SuccessIs200WithGraphQLResponseJson()
    {
        using var response = await PostAsync("{ sections { id } }", GraphQLResponse);
        await ApiJson.ReadAsync(response, HttpStatusCode.OK, GraphQLResponse);
    }

    [Fact]
    public async Task AnUnacceptableAcceptIs406()
    {
        using var response = await PostAsync("{ sections { id } }", "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task ANonJsonBodyIs415()
    {
        using var content = new StringContent("{ sections { id } }", Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), content, Ct);
        // The endpoint declares that it accepts JSON, so the framework refuses other bodies with a problem.
        var problem = await ApiJson.ReadAsync(response, HttpStatusCode.UnsupportedMediaType, "application/problem+json");
        Assert.Equal(415, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        using var content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), content, Ct);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_REQUEST", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMissingQueryIs400()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { variables = new { } }, Ct);
        await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ARequestOverTheSizeLimitIs413()
    {
        var query = "{ sections { id } }" + new string(' ', 70 * 1024);
        using var response = await PostAsync(query, GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, GraphQLResponse);
        Assert.Equal("REQUEST_TOO_LARGE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(65536, body["errors"]![0]!["extensions"]!["data"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task TooDeepAQueryIsRefused()
    {
        // Introspection lets a query nest as deep as it likes: ofType { ofType { ... } }.
        var deep = string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + string.Concat(Enumerable.Repeat(" }", 14));
        using var response = await PostAsync($"{{ __type(name: \"Topic\") {{ fields {{ type {{ {deep} }} }} }} }}", GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, GraphQLResponse);
        var message = body["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("depth", message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task TooComplexAQueryIsRefused()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 25).Select(i => $"t{i}: topics(first: 100) {{ edges {{ node {{ id title summary }} }} }}"));
        using var response = await PostAsync($"{{ {fields} }}", GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, GraphQLResponse);
        Assert.Contains(body["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("complexity", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TooManyAliasesAreRefused()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: __typename"));
        using var response = await PostAsync($"{{ {fields} }}", GraphQLResponse);
        var body = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, GraphQLResponse);
        var error = body["errors"]![0]!;
        Assert.Equal("ALIAS_LIMIT_EXCEEDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(30, error["extensions"]!["data"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task ThirtyAliasesAreFine()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"a{i}: __typename"));
        var body = await ApiJson.GraphQLAsync(_client, $"{{ {fields} }}");
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task TheSchemaIsIntrospectableAndServedAsSdl()
    {
        var body = await ApiJson.GraphQLAsync(_client, "{ __schema { queryType { name } types { name } } }");
        Assert.Equal("Query", body["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        using var sdl = await _client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.Contains("type TopicConnection", await sdl.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserGetsTheIdePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pynsights GraphQL", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string query, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query }),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _client.SendAsync(request, Ct);
    }
}
