using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>Runs simulators the way the API does and loads the CPython fixtures.</summary>
internal static class Harness
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static (List<Step> Steps, JsonNode Result) Run(ISimulator simulator, JsonNode input, PythonVersion version)
    {
        using var document = JsonDocument.Parse(input.ToJsonString());
        var run = simulator.Prepare(document.RootElement, version, out var problems);
        Assert.True(run is not null, $"input {input.ToJsonString()} rejected: {string.Join("; ", problems)}");
        var steps = run.Steps().ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            Assert.Equal(i, steps[i].Index);
        }

        return (steps, JsonSerializer.SerializeToNode(run.Result, Web)!);
    }

    public static IReadOnlyList<InputProblem> Problems(ISimulator simulator, string json)
    {
        using var document = JsonDocument.Parse(json);
        var run = simulator.Prepare(document.RootElement, PythonVersion.V311, out var problems);
        Assert.Null(run);
        return problems;
    }

    public static JsonArray Cases(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", fixture);
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("cpython", (string?)document["implementation"]);
        return document["cases"]!.AsArray();
    }
}
