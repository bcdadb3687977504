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
        Harness.AssertEveryCase(new OperatorDispatchSimulator(), $"operator-dispatch-{pythonVersion}.json", version, 2500,
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

    [Fact]
    public void MembershipFallsBackToGetitemAndShowsEachCall()
    {
        var input = new JsonObject
        {
            ["source"] = "class A:\n    def __getitem__(self, index):\n        return (5, 6)[index]\n",
            ["expression"] = "7 in A()",
        };
        var (steps, result) = Harness.Run(new OperatorDispatchSimulator(), input, PythonVersion.V313);
        Assert.Equal("False", (string?)result["value"]);
        Assert.Equal("A.__getitem__", (string?)result["answeredBy"]);
        Assert.Equal(["iter-search", "seq-iter", "call", "compare", "call", "compare", "call", "exhausted", "contains", "result"], steps.Select(s => s.Kind));
        Assert.Contains(steps, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.13.5/Objects/iterobject.c#L49");
    }

    [Theory]
    [InlineData("3.13", "argument of type 'A' is not iterable")]
    [InlineData("3.14", "argument of type 'A' is not a container or iterable")]
    public void NamesTheContainerOrIterableAsTheVersionDoes(string pythonVersion, string message)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        var (_, result) = Harness.Run(new OperatorDispatchSimulator(), new JsonObject { ["source"] = "class A:\n    pass\n", ["expression"] = "1 in A()" }, version);
        Assert.Equal(message, (string?)result["error"]?["message"]);
    }

    [Theory]
    [InlineData("3.13", "True", null)]
    [InlineData("3.14", null, "NotImplemented should not be used in a boolean context")]
    public void TakesTheTruthOfNotImplementedAsTheVersionDoes(string pythonVersion, string? value, string? message)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        var input = new JsonObject { ["source"] = "class A:\n    def __contains__(self, item):\n        return NotImplemented\n", ["expression"] = "1 in A()" };
        var (_, result) = Harness.Run(new OperatorDispatchSimulator(), input, version);
        Assert.Equal(value, (string?)result["value"]);
        Assert.Equal(message, (string?)result["error"]?["message"]);
    }

    [Theory]
    [InlineData("""{"source": "class A:\n    def __iter__(self):\n        return [1]\n", "expression": "iter(A())"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __getitem__(self, index):\n        return 1\n", "expression": "1 in A()"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __getitem__(self, index):\n        return [1][0]\n", "expression": "1 in A()"}""", "source")]
    [InlineData("""{"source": "class A:\n    __iter__ = 1\n", "expression": "iter(A())"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __len__(self):\n        return 10000000\n    def __iter__(self):\n        return iter([])\n", "expression": "list(A())"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "pow(A(), 2, 3)"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "1 in 2"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "'a' + A()"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "iter(1)"}""", "expression")]
    [InlineData("""{"source": "class A: pass\nclass B(A, C): pass", "expression": "A() + A()"}""", "source")]
    [InlineData("""{"source": "class A: pass", "expression": "1 + 2"}""", "expression")]
    [InlineData("""{"source": "class A: pass", "expression": "B() + A()"}""", "expression")]
    [InlineData("""{"source": "class A(int): pass", "expression": "A() + A()"}""", "source")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new OperatorDispatchSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
