using System.Text.Json.Nodes;
using Pynsights.Simulation.Matching;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Matching;

/// <summary>fixtures/pattern-matching-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class PatternMatchingOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new PatternMatchingSimulator(), $"pattern-matching-{pythonVersion}.json", version, 800,
            (expected, steps, result) => expected["error"] is { } error
                ? JsonNode.DeepEquals(error, result["error"]) && steps[^1].Kind == "exception"
                : JsonNode.DeepEquals(expected["matched"], result["matched"]) && JsonNode.DeepEquals(expected["bindings"], result["bindings"])
                  && result["error"] is null);
    }

    [Theory]
    [InlineData("""{"source": "match x:\n    case Color.RED:\n        pass\n", "subject": "1"}""", "source")]
    [InlineData("""{"source": "match x:\n    case Point(x=1):\n        pass\n", "subject": "1"}""", "source")]
    [InlineData("""{"source": "x = 1", "subject": "1"}""", "source")]
    [InlineData("""{"source": "match x:\n    case _:\n        pass\n", "subject": "{1, 2}"}""", "subject")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new PatternMatchingSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
