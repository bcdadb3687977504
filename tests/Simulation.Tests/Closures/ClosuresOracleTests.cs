using System.Text.Json.Nodes;
using Pynsights.Simulation.Closures;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Closures;

/// <summary>fixtures/closures-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class ClosuresOracleTests
{
    /// <summary>
    /// The code objects, or the SyntaxError; and the run compared whole and in order (output, globals, function
    /// objects with their closure cells, calls, decorator events, exception), serialised the same way on both sides.
    /// </summary>
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new ClosuresSimulator(), $"closures-{pythonVersion}.json", version, 590,
            (expected, steps, result) => expected["error"] is { } error
                ? JsonNode.DeepEquals(error, result["error"]) && steps[^1].Kind == "exception" && result["run"] is null
                : JsonNode.DeepEquals(expected["functions"], result["functions"])
                  && expected["run"]!.ToJsonString() == result["run"]!.ToJsonString()
                  && steps[^1].Kind == (expected["run"]!["exception"] is null ? "result" : "exception"), shown: 10);
    }

    [Theory]
    [InlineData("""{"source": "class A:\n    pass\n"}""")]
    [InlineData("""{"source": "def f():\n    return [x for x in y]\n"}""")]
    [InlineData("""{"source": "def f(a: int):\n    pass\n"}""")]
    public void ReportsWhatIsNotModelled(string json)
    {
        var problems = Harness.Problems(new ClosuresSimulator(), json);
        Assert.Contains(problems, p => p.Field == "source");
    }
}
