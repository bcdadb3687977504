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
            new JsonObject { ["source"] = "def d(fn):\n    return fn\ndef f():\n    x = 1\n    @d\n    def g():\n        return x\n    return g\nh = f()\nprint(h())\n" }, PythonVersion.V311);
        Assert.Equal("""{"functions":[{"name":"d","varnames":["fn"],"cellvars":[],"freevars":[]},{"name":"f","varnames":["g"],"cellvars":["x"],"freevars":[]},{"name":"f.<locals>.g","varnames":[],"cellvars":[],"freevars":["x"]}],"error":null,"run":{"output":["1"],"globals":{"d":"<function d>","f":"<function f>","h":"<function f.<locals>.g>"},"functionObjects":[{"path":"d","name":"d","qualname":"d","doc":"None","module":"\u0027__main__\u0027","dict":{},"closure":[]},{"path":"f","name":"f","qualname":"f","doc":"None","module":"\u0027__main__\u0027","dict":{},"closure":[]},{"path":"h","name":"g","qualname":"f.<locals>.g","doc":"None","module":"\u0027__main__\u0027","dict":{},"closure":[{"variable":"x","cell":1,"contents":"1"}]}],"calls":[{"function":"d","returned":"<function f.<locals>.g>","freeVariables":{}},{"function":"f","returned":"<function f.<locals>.g>","freeVariables":{}},{"function":"f.<locals>.g","returned":"1","freeVariables":{"x":"1"}}],"decorators":[{"kind":"evaluate","line":5,"decorator":"d","target":null,"value":"<function d>"},{"kind":"apply","line":5,"decorator":"d","target":"<function f.<locals>.g>","value":"<function f.<locals>.g>"}],"exception":null}}""",
            result.ToJsonString().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.11.2/Python/symtable.c#L739");
    }
}
