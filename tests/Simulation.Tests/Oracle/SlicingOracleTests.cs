using System.Text.Json.Nodes;
using Pynsights.Simulation.Slicing;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>Every case of fixtures/slicing.json (CPython 3.11) against the simulator for 3.11.</summary>
public sealed class SlicingOracleTests
{
    [Fact]
    public void MatchesEveryCPythonFixture()
    {
        var simulator = new SlicingSimulator();
        var cases = Harness.Cases("slicing.json");
        Assert.True(cases.Count > 1000);
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var input = item!["input"]!;
            var expected = item["expected"]!;
            var (steps, result) = Harness.Run(simulator, input, PythonVersion.V311);
            if (expected["error"] is { } error)
            {
                Check(JsonNode.DeepEquals(error, result["error"]) && steps[^1].Kind == "exception" && result["indices"] is null,
                    input, $"error {error.ToJsonString()}", result);
                continue;
            }

            // The fixture keeps indices as decimal strings; the simulator writes numbers while they are JSON-safe.
            var indices = result["indices"]!.AsArray().Select(n => n!.ToString()).ToArray();
            var wantIndices = expected["indices"]!.AsArray().Select(n => (string)n!).ToArray();
            Check(indices.SequenceEqual(wantIndices) && JsonNode.DeepEquals(expected["selected"], result["selected"]),
                input, expected.ToJsonString(), result);
            Check(steps.Count(s => s.Kind == "visit") == expected["selected"]!.AsArray().Count, input, "one visit per index", result);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases differ:\n{string.Join("\n", failures.Take(20))}");

        void Check(bool ok, JsonNode input, string want, JsonNode got)
        {
            if (!ok)
            {
                failures.Add($"{input.ToJsonString()}: want {want}, got {got.ToJsonString()}");
            }
        }
    }
}
