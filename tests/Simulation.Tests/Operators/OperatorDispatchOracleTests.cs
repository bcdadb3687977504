using System.Text.Json.Nodes;
using Pynsights.Simulation.Operators;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Operators;

/// <summary>fixtures/operator-dispatch-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class OperatorDispatchOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new OperatorDispatchSimulator(), $"operator-dispatch-{pythonVersion}.json", version, 700,
            (expected, steps, result) => JsonNode.DeepEquals(expected["value"], result["value"])
                && JsonNode.DeepEquals(expected["calls"], result["calls"])
                && JsonNode.DeepEquals(expected["error"], result["error"]) && Harness.EndsRight(expected, steps), shown: 10);
    }

    [Fact]
    public void NamesTheMethodThatAnswered()
    {
        var input = new JsonObject
        {
            ["source"] = "class A:\n    def __add__(self, other):\n        return 'A.__add__'\n\nclass B(A):\n    def __radd__(self, other):\n        return 'B.__radd__'\n",
            ["expression"] = "A() + B()",
        };
        var (steps, result) = Harness.Run(new OperatorDispatchSimulator(), input, PythonVersion.V313);
        Assert.Equal("""{"value":"'B.__radd__'","answeredBy":"B.__radd__","calls":["B.__radd__"],"error":null}""",
            result.ToJsonString().Replace("\\u0027", "'", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Kind == "call");
        Assert.Contains(steps, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.13.5/Objects/abstract.c#L927");
        var (steps311, _) = Harness.Run(new OperatorDispatchSimulator(), input, PythonVersion.V311);
        Assert.Contains(steps311, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.11.2/Objects/typeobject.c#L7251");
    }

    [Theory]
    [InlineData("""{"source": "class A:\n    def __iter__(self):\n        return 1\n", "expression": "A() + A()"}""", "source")]
    [InlineData("""{"source": "class A: pass", "expression": "A() ** A()"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "1 + 2"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "B() + A()"}""", "expression")]
    [InlineData("""{"source": "class A(int): pass", "expression": "A() + A()"}""", "source")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new OperatorDispatchSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
