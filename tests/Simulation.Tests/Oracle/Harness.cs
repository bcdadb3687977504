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

    /// <summary>
    /// Runs every case of <paramref name="fixture"/> through <paramref name="simulator"/> and fails listing the cases
    /// whose result <paramref name="matches"/> rejects (at most <paramref name="shown"/> of them).
    /// </summary>
    public static void AssertEveryCase(
        ISimulator simulator, string fixture, PythonVersion version, int minimumCases,
        Func<JsonNode, List<Step>, JsonNode, bool> matches, int shown = 12)
    {
        var cases = Cases(fixture);
        Assert.True(cases.Count >= minimumCases, $"{fixture} has {cases.Count} cases; expected at least {minimumCases}");
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var input = item!["input"]!;
            var expected = item["expected"]!;
            var (steps, result) = Run(simulator, input, version);
            if (!matches(expected, steps, result))
            {
                failures.Add($"{input.ToJsonString()}:\n  want {expected.ToJsonString()}\n  got  {result.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} differ:\n{string.Join("\n", failures.Take(shown))}");
    }

    /// <summary>The last step is <c>exception</c> when CPython raised, <c>result</c> otherwise.</summary>
    public static bool EndsRight(JsonNode expected, List<Step> steps) =>
        steps[^1].Kind == (expected["error"] is null ? "result" : "exception");

    public static JsonArray Cases(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", fixture);
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("cpython", (string?)document["implementation"]);
        return document["cases"]!.AsArray();
    }
}
