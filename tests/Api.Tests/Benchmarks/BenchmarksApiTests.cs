using System.Xml.Linq;
using Pynsights.Api.Benchmarks;
using Pynsights.Api.Content;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Benchmarks;

public sealed class BenchmarksApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATopicListsItsBenchmarksWithNumbersEnvironmentAndScript()
    {
        var body = await ApiJson.GetAsync(_client, "/api/v1/topics/dicts/benchmarks");
        var item = body["items"]!.AsArray().Single()!;
        Assert.Equal("dict-lookups", item["id"]!.GetValue<string>());
        Assert.Equal([120.0, 1100, 11000], item["series"]![1]!["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("3.11.7", item["environment"]!["python"]!.GetValue<string>());
        Assert.Contains("import json", item["script"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/benchmarks/dict-lookups.svg", item["links"]!["svg"]!.GetValue<string>());
        Assert.Empty((await ApiJson.GetAsync(_client, "/api/v1/topics/sets/benchmarks"))["items"]!.AsArray());
        await ApiJson.GetAsync(_client, "/api/v1/topics/nope/benchmarks", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task TheChartIsAnAccessibleSvgWithTheEnvironment()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/benchmarks/dict-lookups.svg", UriKind.Relative), Ct);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync(Ct);
        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("dict lookups vs list scans", root.Element(ns + "title")!.Value);
        Assert.Contains("list scan: 120, 1,100, 11,000.", root.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Measured on CPython 3.11.7, Linux-test, 2 CPUs.", svg, StringComparison.Ordinal);
        Assert.Contains("ns per lookup (log scale)", svg, StringComparison.Ordinal);
        Assert.Equal(2, root.Descendants(ns + "polyline").Count());
        await ApiJson.GetAsync(_client, "/api/v1/benchmarks/nope.svg", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task GraphQLServesTheSameBenchmark()
    {
        var graph = await ApiJson.GraphQLAsync(_client, "{ topic(id: \"dicts\") { benchmarks { id unit kind data svg script } } }");
        var benchmark = graph["data"]!["topic"]!["benchmarks"]![0]!;
        var rest = await ApiJson.GetAsync(_client, "/api/v1/benchmarks/dict-lookups");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(rest, benchmark["data"]));
        Assert.Equal(await _client.GetStringAsync(new Uri("/api/v1/benchmarks/dict-lookups.svg", UriKind.Relative), Ct), benchmark["svg"]!.GetValue<string>());
    }

    [Fact]
    public void EveryRealBenchmarkHasItsScriptAndDrawsAChart()
    {
        var catalog = new ContentLoader(SimulatorCatalog.Default, TimeProvider.System).Load(TestPaths.RealContent);
        Assert.NotEmpty(catalog.Benchmarks);
        Assert.All(catalog.Benchmarks.Values, result =>
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Script));
            Assert.Equal("svg", XDocument.Parse(BenchmarkSvgRenderer.Render(result)).Root!.Name.LocalName);
            Assert.Contains(result.Id, catalog.FindTopic(result.Topic)!.Benchmarks);
        });
    }
}
