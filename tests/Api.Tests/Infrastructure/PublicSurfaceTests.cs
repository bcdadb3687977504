namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>
/// Pins the public surface: the OpenAPI document and the GraphQL SDL are compared with the approved copies in
/// tests/Api.Tests/Approved. A change shows up as a diff to review; run with PYNSIGHTS_APPROVE=1 to accept it.
/// </summary>
public sealed class PublicSurfaceTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task OpenApiDocumentMatchesTheApprovedCopy()
    {
        var document = await ApiJson.GetAsync(_client, "/swagger/v1/swagger.json");
        Approve("openapi.json", document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    [Fact]
    public async Task GraphQLSchemaMatchesTheApprovedCopy()
    {
        var sdl = await _client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);
        Approve("schema.graphql", sdl.ReplaceLineEndings("\n").TrimEnd() + "\n");
    }

    [Fact]
    public async Task EveryOperationDocumentsItsSuccessSchemaAndAnExample()
    {
        var document = await ApiJson.GetAsync(_client, "/swagger/v1/swagger.json");
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op =>
        {
            var id = op.Operation["operationId"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(id), $"{op.Method} {op.Path} has no operationId");
            Assert.False(string.IsNullOrEmpty(op.Operation["summary"]?.GetValue<string>()), $"{id} has no summary");
            var success = op.Operation["responses"]!["200"];
            Assert.True(success is not null, $"{id} documents no 200 response");
            var content = success!["content"]!.AsObject();
            Assert.NotEmpty(content);
            Assert.All(content, media => Assert.True(media.Value!["schema"] is not null, $"{id} {media.Key} has no schema"));
        });

        foreach (var id in (string[])["ListSections", "ListTopics", "GetTopic", "GetTopicGuide", "GetProblemType", "GetGraphQLSchema"])
        {
            var operation = operations.Single(o => o.Operation["operationId"]!.GetValue<string>() == id).Operation;
            Assert.True(operation["responses"]!["200"]!["content"]!.AsObject().All(m => m.Value!["example"] is not null), $"{id} has no example");
        }
    }

    [Theory]
    [InlineData("/api/v1/sections")]
    [InlineData("/api/v1/topics")]
    [InlineData("/api/v1/topics/{id}")]
    [InlineData("/api/v1/topics/{id}/guide")]
    [InlineData("/graphql")]
    [InlineData("/graphql/schema.graphql")]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    public async Task EveryEndpointIsInTheOpenApiDocument(string path)
    {
        var document = await ApiJson.GetAsync(_client, "/swagger/v1/swagger.json");
        Assert.NotNull(document["paths"]![path]);
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        using var response = await _client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void Approve(string name, string received)
    {
        var approved = Path.Combine(TestPaths.Approved, name);
        if (Environment.GetEnvironmentVariable("PYNSIGHTS_APPROVE") == "1")
        {
            File.WriteAllText(approved, received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved) : "";
        if (expected != received)
        {
            File.WriteAllText(approved + ".received", received);
            Assert.Fail($"{name} changed: compare {approved} with {approved}.received, and run the tests with PYNSIGHTS_APPROVE=1 to accept.");
        }
    }
}
