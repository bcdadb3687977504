using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>Loads the CPython 3.11 fixtures written by the scripts in tests/oracle/.</summary>
internal static class Fixtures
{
    public static JsonArray Cases(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", file);
        return JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray();
    }

    public static TheoryData<int> Indexes(string file)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases(file).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Runs a simulator to completion and returns its result as JSON.</summary>
    public static (JsonNode Result, IReadOnlyList<Step> Steps) Run(ISimulator simulator, JsonNode input, PythonVersion version)
    {
        var run = simulator.Prepare(Element(input), version, out var problems);
        Assert.True(run is not null, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));
        var steps = run.Steps().ToList();
        return (JsonSerializer.SerializeToNode(run.Result, Web)!, steps);
    }
}
