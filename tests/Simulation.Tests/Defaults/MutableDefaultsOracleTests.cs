using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Defaults;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Defaults;

/// <summary>fixtures/mutable-defaults-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class MutableDefaultsOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new MutableDefaultsSimulator(), $"mutable-defaults-{pythonVersion}.json", version, 1,
            (expected, _, result) => JsonNode.DeepEquals(expected, result), shown: 100);
    }

    [Fact]
    public void ShowsTheSharedDefaultObject()
    {
        var input = new JsonObject
        {
            ["source"] = "def f(x, acc=[]):\n    acc.append(x)\n    return acc\n",
            ["calls"] = new JsonArray("f(1)", "f(2)"),
        };
        var (steps, _) = Harness.Run(new MutableDefaultsSimulator(), input, PythonVersion.V311);
        var calls = steps.Where(s => s.Kind == "call").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, s => Assert.Contains("default object #1", s.Message, StringComparison.Ordinal));
        var state = JsonSerializer.SerializeToNode(steps[^1].State, Harness.Web)!;
        Assert.Equal("""{"call":"f(2)","locals":[{"name":"x","value":"2","object":null},{"name":"acc","value":"[1, 2]","object":1}],"functions":[{"function":"f","defaults":"([1, 2],)","kwDefaults":null,"objects":[1]}]}""", state.ToJsonString());
    }

    [Theory]
    [InlineData("""{"source": "def f(a=[]):\n    for x in a:\n        pass\n", "calls": ["f()"]}""", "source")]
    [InlineData("""{"source": "def f(a=[]):\n    a.sort()\n", "calls": ["f()"]}""", "source")]
    [InlineData("""{"source": "def f(a=[]):\n    pass\n", "calls": ["g()"]}""", "calls[0]")]
    [InlineData("""{"source": "x = 1", "calls": []}""", "source")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new MutableDefaultsSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
