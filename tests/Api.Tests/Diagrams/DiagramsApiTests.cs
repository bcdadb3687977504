using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pynsights.Api.Content;
using Pynsights.Api.Diagrams;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Diagrams;

public sealed class DiagramsApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListDiagramsListsThemWithLinks()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/diagrams");
        var item = body["items"]!.AsArray().Single()!;
        Assert.Equal("dict-table", item["id"]!.GetValue<string>());
        Assert.Equal(3, item["frameCount"]!.GetValue<int>());
        Assert.Equal("/api/v1/diagrams/dict-table.svg?frame=0", item["links"]!["svg"]!.GetValue<string>());
        Assert.Empty((await ApiJson.GetAsync(_client, "/api/v1/diagrams?topic=sets"))["items"]!.AsArray());
        var problem = await ApiJson.GetAsync(_client, "/api/v1/diagrams?topic=nope", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("topic", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetDiagramServesTheSpecAsAuthored()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/diagrams/dict-table");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.FixtureContent, "diagrams", "dict-table.json"), Ct));
        Assert.True(JsonNode.DeepEquals(file, body));
        await ApiJson.GetAsync(_client, "/api/v1/diagrams/nope", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task TheSvgOfAFrameIsAccessibleAndDeterministic()
    {
        using var first = await _client.GetAsync(new Uri("/api/v1/diagrams/dict-table.svg?frame=1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/svg+xml", first.Content.Headers.ContentType?.MediaType);
        var svg = await first.Content.ReadAsStringAsync(Ct);
        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", document.Root!.Attribute("role")!.Value);
        Assert.Contains("frame 2 of 3: The hash picks slot 5.", document.Root.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("Slot 5 is highlighted; a note says hash('a') & 7 is 5.", document.Root.Element(ns + "desc")!.Value);
        Assert.Contains("class=\"tone-empty hl\"", svg, StringComparison.Ordinal); // slot i5 highlighted in this frame
        Assert.DoesNotContain("id=\"entry\"", svg, StringComparison.Ordinal); // added only in frame 3

        using var again = await _client.GetAsync(new Uri("/api/v1/diagrams/dict-table.svg?frame=1", UriKind.Relative), Ct);
        Assert.Equal(svg, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);

        var third = await _client.GetStringAsync(new Uri("/api/v1/diagrams/dict-table.svg?frame=2", UriKind.Relative), Ct);
        Assert.Contains("id=\"entry\"", third, StringComparison.Ordinal);
        Assert.Contains("tone-added", third, StringComparison.Ordinal); // slot 5 set to "added" from frame 3 on
    }

    [Theory]
    [InlineData("frame=3", 2)]
    [InlineData("frame=-1", 2)]
    [InlineData("frame=x", 2)]
    public async Task AFrameOutOfRangeIs400WithTheLimit(string query, int limit)
    {
        var problem = await ApiJson.GetAsync(_client, $"/api/v1/diagrams/dict-table.svg?{query}", HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("frame", problem["field"]!.GetValue<string>());
        Assert.Equal(limit, problem["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheSchemaIsServed()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/schemas/diagram", UriKind.Relative), Ct);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQLDrawsTheSameSvg()
    {
        var graph = await ApiJson.GraphQLAsync(_client, "{ diagram(id: \"dict-table\") { title frameCount frames { index caption alt } svg(frame: 1) } topic(id: \"dicts\") { diagramSpecs { id } } }");
        var rest = await _client.GetStringAsync(new Uri("/api/v1/diagrams/dict-table.svg?frame=1", UriKind.Relative), Ct);
        Assert.Equal(rest, graph["data"]!["diagram"]!["svg"]!.GetValue<string>());
        Assert.Equal("The hash picks slot 5.", graph["data"]!["diagram"]!["frames"]![1]!["caption"]!.GetValue<string>());
        Assert.Equal("dict-table", graph["data"]!["topic"]!["diagramSpecs"]![0]!["id"]!.GetValue<string>());
        var bad = await ApiJson.GraphQLAsync(_client, "{ diagram(id: \"dict-table\") { svg(frame: 7) } }");
        Assert.Equal("INVALID_ARGUMENT", bad["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void EveryFrameOfEveryRealDiagramRendersAsWellFormedSvg()
    {
        var catalog = new ContentLoader(SimulatorCatalog.Default, TimeProvider.System).Load(TestPaths.RealContent);
        Assert.All(catalog.Topics.Where(t => t.Status == TopicStatus.Published && t.Diagrams.Count > 0), topic =>
            Assert.All(topic.Diagrams, id =>
            {
                var spec = catalog.Diagrams[id];
                Assert.True(spec.Frames.Count >= 3, $"{id} has fewer than 3 frames");
                for (var frame = 0; frame < spec.Frames.Count; frame++)
                {
                    var svg = XDocument.Parse(DiagramSvgRenderer.Render(spec, frame));
                    Assert.Equal("svg", svg.Root!.Name.LocalName);
                }
            }));
    }
}
