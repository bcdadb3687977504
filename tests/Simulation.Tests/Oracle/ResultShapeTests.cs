using System.Text.Json.Nodes;
using Pynsights.Simulation.Attributes;
using Pynsights.Simulation.Closures;
using Pynsights.Simulation.Matching;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>The public JSON names of the language simulators' results.</summary>
public sealed class ResultShapeTests
{
    [Fact]
    public void AttributeLookupResultHasItsContractNames()
    {
        var (_, result) = Harness.Run(new AttributeLookupSimulator(),
            new JsonObject { ["source"] = "class A:\n    x = 1\nobj = A()\n", ["expression"] = "obj.x" }, PythonVersion.V313);
        Assert.Equal("""{"value":"1","foundIn":"class attribute","owner":"A","error":null}""", result.ToJsonString());
    }

    [Fact]
    public void PatternMatchingResultHasItsContractNames()
    {
        var (_, result) = Harness.Run(new PatternMatchingSimulator(),
            new JsonObject { ["source"] = "match p:\n    case (x, 0):\n        pass\n", ["subject"] = "(3, 0)" }, PythonVersion.V313);
        Assert.Equal("""{"matched":0,"bindings":{"x":"3"},"error":null}""", result.ToJsonString());
    }

    [Fact]
    public void ClosuresResultHasItsContractNames()
    {
        var (steps, result) = Harness.Run(new ClosuresSimulator(),
            new JsonObject { ["source"] = "def f():\n    x = 1\n    def g():\n        return x\n    return g\n" }, PythonVersion.V311);
        Assert.Equal("""{"functions":[{"name":"f","varnames":["g"],"cellvars":["x"],"freevars":[]},{"name":"f.<locals>.g","varnames":[],"cellvars":[],"freevars":["x"]}],"error":null}""",
            result.ToJsonString().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.11.2/Python/symtable.c#L739");
    }
}
