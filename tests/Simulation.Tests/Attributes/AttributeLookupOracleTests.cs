using System.Text.Json.Nodes;
using Pynsights.Simulation.Attributes;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Attributes;

/// <summary>fixtures/attribute-lookup-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class AttributeLookupOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new AttributeLookupSimulator(), $"attribute-lookup-{pythonVersion}.json", version, 1275,
            (expected, steps, result) => JsonNode.DeepEquals(expected["value"], result["value"])
                && JsonNode.DeepEquals(expected["error"], result["error"]) && Harness.EndsRight(expected, steps), shown: 10);
    }

    [Fact]
    public void SaysWhereTheValueCameFrom()
    {
        var input = new JsonObject
        {
            ["source"] = "class A:\n    x = 'class attribute'\n\nobj = A()\nobj.x = 'instance'\n",
            ["expression"] = "obj.x",
        };
        var (_, result) = Harness.Run(new AttributeLookupSimulator(), input, PythonVersion.V311);
        Assert.Equal("instance __dict__", (string?)result["foundIn"]);
        Assert.Null(result["owner"]);
    }

    [Fact]
    public void SearchesEachClassDictInMroOrder()
    {
        var input = new JsonObject
        {
            ["source"] = "class A:\n    x = 'A.x'\nclass B(A):\n    pass\nclass C(A):\n    pass\nclass D(B, C):\n    pass\nobj = D()\n",
            ["expression"] = "obj.x",
        };
        var (steps, result) = Harness.Run(new AttributeLookupSimulator(), input, PythonVersion.V312);
        var searched = steps.Where(s => s.Kind is "type-dict" or "type-hit").Select(s => ((AttributeLookupState)s.State!).Class).ToList();
        Assert.Equal(["D", "B", "C", "A"], searched);
        Assert.Equal(["D", "B", "C", "A", "object"], ((AttributeLookupState)steps[^1].State!).Mro);
        Assert.Equal("A", (string?)result["owner"]);
        Assert.Equal("class attribute", (string?)result["foundIn"]);
    }

    [Fact]
    public void ClassStatementErrorsEndTheTrace()
    {
        var input = new JsonObject
        {
            ["source"] = "class B:\n    __slots__ = ('a',)\nclass C:\n    __slots__ = ('b',)\nclass E(B, C):\n    pass\nobj = B()\n",
            ["expression"] = "obj.a",
        };
        var (steps, result) = Harness.Run(new AttributeLookupSimulator(), input, PythonVersion.V310);
        Assert.Equal(["class-error", "exception"], steps.Select(s => s.Kind));
        Assert.Equal("multiple bases have instance lay-out conflict", (string?)result["error"]!["message"]);
    }

    [Theory]
    [InlineData("""{"source": "class A:\n    @property\n    def p(self):\n        return 1\nobj = A()\nobj.p = 2\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __setattr__(self, name, value):\n        pass\nobj = A()\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __getattribute__(self, name):\n        return self.x\nobj = A()\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A(int):\n    pass\nobj = A()\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A:\n    pass\nobj = A()\n", "expression": "B.x"}""", "expression")]
    [InlineData("""{"source": "class A:\n    pass\nobj = A()\n", "expression": "obj.__dict__"}""", "expression")]
    [InlineData("""{"source": "class object:\n    pass\nobj = object()\n", "expression": "obj.x"}""", "source")]
    [InlineData("""{"source": "class A:\n    pass\nobj = A()\nclass B(obj):\n    pass\n", "expression": "obj.x"}""", "source")]
    [InlineData("""{"source": "class A:\n    __slots__ = ('a b',)\nobj = A()\n", "expression": "obj.x"}""", "source")]
    [InlineData("""{"source": "raise AttributeError\n", "expression": "obj.x"}""", "source")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new AttributeLookupSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
