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
        Harness.AssertEveryCase(new AttributeLookupSimulator(), $"attribute-lookup-{pythonVersion}.json", version, 600,
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

    [Theory]
    [InlineData("""{"source": "class A:\n    @property\n    def p(self):\n        return 1\nobj = A()\nobj.p = 2\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A:\n    def __getattribute__(self, name):\n        return 1\nobj = A()\n", "expression": "obj.p"}""", "source")]
    [InlineData("""{"source": "class A:\n    pass\nobj = A()\n", "expression": "obj.__dict__"}""", "expression")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new AttributeLookupSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
