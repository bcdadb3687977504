using System.Text.Json.Nodes;
using Pynsights.Simulation.Lists;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>
/// fixtures/list-growth.json (the CPython 3.11 oracle) against the simulator for 3.11, and the same cases as run
/// by the CPython 3.10, 3.12 and 3.13 interpreters installed on the fixture machine against those versions.
/// </summary>
public sealed class ListGrowthOracleTests
{
    [Theory]
    [InlineData("list-growth.json", "3.11")]
    [InlineData("list-growth-3.10.json", "3.10")]
    [InlineData("list-growth-3.12.json", "3.12")]
    [InlineData("list-growth-3.13.json", "3.13")]
    public void MatchesEveryCPythonFixture(string fixture, string versionText)
    {
        Assert.True(PythonVersion.TryParse(versionText, out var version));
        var simulator = new ListGrowthSimulator();
        var cases = Harness.Cases(fixture);
        Assert.True(cases.Count > 1000);
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var input = item!["input"]!;
            var (steps, result) = Harness.Run(simulator, input, version);
            var expected = item["expected"]!;
            var errorEnds = expected["error"] is null || steps[^1].Kind == "exception";
            if (!JsonNode.DeepEquals(expected, result) || !errorEnds)
            {
                failures.Add($"{input.ToJsonString()}:\n  want {expected.ToJsonString()}\n  got  {result.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases differ:\n{string.Join("\n", failures.Take(10))}");
    }
}
