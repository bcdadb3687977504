using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Classes;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Classes;

/// <summary>fixtures/mro-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class MroOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new MroSimulator(), $"mro-{pythonVersion}.json", version, 1000,
            (expected, steps, result) => JsonNode.DeepEquals(expected, result) && Harness.EndsRight(expected, steps), shown: 25);
    }

    [Fact]
    public void ShowsTheMergeStepByStep()
    {
        var input = new JsonObject { ["source"] = "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n", ["target"] = "D" };
        var (steps, result) = Harness.Run(new MroSimulator(), input, PythonVersion.V311);
        Assert.Equal("""{"mro":["D","B","C","A","object"]}""", result.ToJsonString());
        var reject = steps.First(s => s.Kind == "reject");
        Assert.Equal("A", reject.Highlight[0]);
        Assert.Equal("https://github.com/python/cpython/blob/v3.11.2/Objects/typeobject.c#L1736", reject.Source!.Url);
        var state = JsonSerializer.SerializeToNode(reject.State, Harness.Web)!.AsObject();
        Assert.Equal(["class", "line", "bases", "solidBases", "bestBase", "toMerge", "remain", "mro", "candidate"], state.Select(p => p.Key));
        Assert.Equal("""[["B","A","object"],["C","A","object"],["B","C"]]""", state["toMerge"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"source": "x = 1", "target": "x"}""", "source")]
    [InlineData("""{"source": "class A(metaclass=type): pass", "target": "A"}""", "source")]
    [InlineData("""{"source": "class A:\n    __slots__ = ()", "target": "A"}""", "source")]
    [InlineData("""{"source": "class A(print): pass", "target": "A"}""", "source")]
    [InlineData("""{"source": "class A: pass", "target": "B"}""", "target")]
    [InlineData("""{"source": "class A(:", "target": "A"}""", "source")]
    public void ReportsInputProblems(string json, string field)
    {
        var problems = Harness.Problems(new MroSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
