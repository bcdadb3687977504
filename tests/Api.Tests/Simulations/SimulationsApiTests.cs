using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Simulations;

public sealed class SimulationsApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListSimulatorsListsEveryBuiltSimulator()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/simulations");
        var ids = body["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(SimulatorCatalog.Default.All.Select(s => s.Descriptor.Id), ids);
        Assert.Contains("slicing", ids);
    }

    [Fact]
    public async Task GetSimulatorDescribesSchemaLimitsVersionsAndExamples()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/simulations/slicing");
        Assert.Equal("object", body["inputSchema"]!["type"]!.GetValue<string>());
        Assert.Contains(body["limits"]!.AsArray(), l => l!["name"]!.GetValue<string>() == "length" && l["value"]!.GetValue<long>() == 1_000_000);
        Assert.Equal(["3.10", "3.11", "3.12", "3.13", "3.13t", "3.14", "3.14t"], ApiJson.Strings(body["pythonVersions"]));
        Assert.Equal("3.13", body["defaultPythonVersion"]!.GetValue<string>());
        Assert.NotEmpty(body["examples"]!.AsArray());
        Assert.Equal(["sequences-slicing"], ApiJson.Strings(body["topics"]));
    }

    [Fact]
    public async Task GetSimulatorReturns404ProblemForAnUnknownId()
    {
        var problem = await ApiJson.GetAsync(_client, "/api/v1/simulations/nope", HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("/problems/not-found", problem["type"]!.GetValue<string>());
    }

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var simulator in SimulatorCatalog.Default.All)
        {
            for (var i = 0; i < simulator.Descriptor.Examples.Count; i++)
            {
                data.Add(simulator.Descriptor.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EveryExampleMakesATraceOnEveryVersion(string simulator, int example)
    {
        var input = SimulatorCatalog.Default.Find(simulator)!.Descriptor.Examples[example];
        foreach (var version in PythonVersion.All)
        {
            var trace = await CreateAsync(simulator, input, version.ToString(), expected: null);
            Assert.Equal(version.ToString(), trace["pythonVersion"]!.GetValue<string>());
            Assert.True(trace["stepCount"]!.GetValue<int>() > 0);
            Assert.NotNull(trace["result"]);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleIsValidAgainstItsSimulatorsSchema(string simulator, int example)
    {
        var descriptor = SimulatorCatalog.Default.Find(simulator)!.Descriptor;
        var schema = Json.Schema.JsonSchema.FromText(descriptor.InputSchema.ToJsonString());
        var instance = System.Text.Json.JsonSerializer.SerializeToElement(descriptor.Examples[example]);
        var result = schema.Evaluate(instance, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, $"{simulator} example {example} breaks its schema: " +
            string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task CreateTraceIs201ThenTheSame200()
    {
        var input = new JsonObject { ["length"] = 12, ["start"] = 2, ["step"] = 5 };
        using var first = await _client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { pythonVersion = "3.12", input }, Ct);
        var created = await ApiJson.ReadAsync(first, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/traces/{id}", first.Headers.Location!.OriginalString);
        Assert.Equal("[2,12,5]", created["result"]!["indices"]!.ToJsonString());
        Assert.Equal("[2,7]", created["result"]!["selected"]!.ToJsonString());

        var again = await CreateAsync("slicing", input, "3.12", HttpStatusCode.OK);
        Assert.Equal(id, again["id"]!.GetValue<string>());
        var fetched = await ApiJson.GetAsync(_client, $"/api/v1/traces/{id}");
        Assert.True(JsonNode.DeepEquals(created, fetched));
    }

    [Fact]
    public async Task TheTraceIdIgnoresKeyOrderAndSpelledOutDefaults()
    {
        var a = await CreateAsync("slicing", JsonNode.Parse("""{"step": -1, "length": 7}""")!, null, null);
        var b = await CreateAsync("slicing", JsonNode.Parse("""{"length": 7, "start": null, "stop": null, "step": -1}""")!, "3.13", null);
        Assert.Equal(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>());
        Assert.Equal("3.13", a["pythonVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTraceIdDependsOnTheVersionAndTheInput()
    {
        var input = JsonNode.Parse("""{"length": 7}""")!;
        var ids = new[]
        {
            (await CreateAsync("slicing", input, "3.11", null))["id"]!.GetValue<string>(),
            (await CreateAsync("slicing", input, "3.12", null))["id"]!.GetValue<string>(),
            (await CreateAsync("slicing", JsonNode.Parse("""{"length": 8}""")!, "3.12", null))["id"]!.GetValue<string>(),
        };
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task AZeroStepEndsWithCPythonsValueError()
    {
        var trace = await CreateAsync("slicing", JsonNode.Parse("""{"length": 5, "step": 0}""")!, null, null);
        Assert.Equal("ValueError", trace["result"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("slice step cannot be zero", trace["result"]!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidInputIs422NamingEveryField()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative),
            new { input = new { length = 2_000_000, start = "x", colour = "red" } }, Ct);
        var problem = await ApiJson.ReadAsync(response, (HttpStatusCode)422, "application/problem+json");
        Assert.Equal("/problems/invalid-input", problem["type"]!.GetValue<string>());
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToArray();
        Assert.Equal(["input.colour", "input.length", "input.start"], fields.Order());
        var length = problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "input.length")!;
        Assert.Equal(1_000_000, length["limit"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"pythonVersion": "3.9", "input": {"length": 3}}""", "pythonVersion")]
    [InlineData("""{"pythonVersion": "3.12t", "input": {"length": 3}}""", "pythonVersion")]
    [InlineData("""{"input": null}""", "input")]
    [InlineData("""{}""", "input")]
    [InlineData("""{"input": [1, 2]}""", "input")]
    public async Task BadRequestFieldsAre422(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), content, Ct);
        var problem = await ApiJson.ReadAsync(response, (HttpStatusCode)422, "application/problem+json");
        Assert.Equal(field, problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedJsonIs400Problem()
    {
        using var content = new StringContent("{\"input\": {", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), content, Ct);
        var problem = await ApiJson.ReadAsync(response, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABodyOverTheTraceRequestLimitIs413Problem()
    {
        using var content = new StringContent("{\"input\": {\"length\": 1, \"pad\": \"" + new string('x', 16_800_000) + "\"}}", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), content, Ct);
        var problem = await ApiJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, "application/problem+json");
        Assert.Equal("/problems/request-too-large", problem["type"]!.GetValue<string>());
        Assert.Equal(16_777_216, problem["limit"]!.GetValue<long>());
    }

    [Fact]
    public async Task ATraceRequestLargerThanOtherBodiesIsAccepted()
    {
        // 2,000 dict operations are ~60 KB; the trace endpoint's limit is 16 MiB, other bodies' 1 MiB.
        var operations = new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode)new JsonObject { ["op"] = "set", ["key"] = $"'k{i}'", ["value"] = $"{i}" })]);
        var trace = await CreateAsync("dict-probing", new JsonObject { ["operations"] = operations }, "3.11", null);
        Assert.Equal(2000, trace["result"]!["used"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnUnknownSimulatorIs404()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/v1/simulations/nope/traces", UriKind.Relative), new { input = new { } }, Ct);
        await ApiJson.ReadAsync(response, HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task ConcurrentIdenticalRequestsGenerateOnce()
    {
        var statistics = factory.Services.GetRequiredService<TraceStatistics>();
        var before = statistics.Generated;
        var input = new JsonObject { ["length"] = 20_000, ["step"] = 3, ["start"] = 17 };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input }, Ct)));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
                ids.Add(body!["id"]!.GetValue<string>());
            }
        }

        Assert.Single(ids);
        Assert.Equal(1, statistics.Generated - before);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
    }

    private async Task<JsonNode> CreateAsync(string simulator, JsonNode input, string? version, HttpStatusCode? expected)
    {
        using var response = await _client.PostAsJsonAsync(new Uri($"/api/v1/simulations/{simulator}/traces", UriKind.Relative),
            new { pythonVersion = version, input }, Ct);
        var status = expected ?? (response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
        return await ApiJson.ReadAsync(response, status);
    }
}
