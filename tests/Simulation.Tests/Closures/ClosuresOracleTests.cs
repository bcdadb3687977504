using System.Text.Json;
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
    [InlineData("""{"source": "import os\n"}""", "importing 'os' (only functools is modelled) (line 1, column 1)")]
    [InlineData("""{"source": "from functools import partial\n"}""", "functools.partial")]
    [InlineData("""{"source": "x = 1.5\n"}""", "this kind of constant")]
    [InlineData("""{"source": "def f():\n    return sum([1])\nf()\n"}""", "the built-in 'sum' (line 2, column 12)")]
    [InlineData("""{"source": "def f():\n    return sum([1])\n"}""", null)]
    public void ReportsWhatTheRunDoesNotModelWhereItMeetsIt(string json, string? problem)
    {
        using var document = JsonDocument.Parse(json);
        var run = new ClosuresSimulator().Prepare(document.RootElement, PythonVersion.V312, out var problems);
        if (problem is null)
        {
            // Code that never runs needs no model: the body of a function never called.
            Assert.NotNull(run);
            return;
        }

        Assert.Null(run);
        Assert.Contains(problem, Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsAnEndlessLoopWithAProblemNamingTheLimit()
    {
        var problems = Harness.Problems(new ClosuresSimulator(), """{"source": "n = 0\nwhile True:\n    n += 1\n"}""");
        var problem = Assert.Single(problems);
        Assert.Equal("source", problem.Field);
        Assert.Contains($"stopped after {Evaluator.MaxTicks} statements and calls", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesRecursionDeeperThanTheLimit()
    {
        var problem = Assert.Single(Harness.Problems(new ClosuresSimulator(), """{"source": "def f(n):\n    return f(n + 1)\nf(0)\n"}"""));
        Assert.Contains($"calls nested more than {Evaluator.MaxDepth} deep", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoresIntoALoopCellShowWhichClosuresShareIt()
    {
        var (steps, result) = Harness.Run(new ClosuresSimulator(), JsonNode.Parse(
            """{"source": "def make():\n    fns = []\n    for i in range(3):\n        fns.append(lambda: i)\n    return fns\nfns = make()\nlate = [fns[0](), fns[1](), fns[2]()]\n"}""")!, PythonVersion.V312);
        var cellSteps = steps.Where(s => s.Kind == "cell").Select(s => s.Message).ToList();
        Assert.Equal(3, cellSteps.Count);
        Assert.Contains("make.<locals>.<lambda> #2, make.<locals>.<lambda> #3 hold this same cell, so calling them now reads 2", cellSteps[2], StringComparison.Ordinal);
        Assert.Equal("[2, 2, 2]", (string?)result["run"]!["globals"]!["late"]);
        var closures = result["run"]!["functionObjects"]!.AsArray().Where(f => (string?)f!["qualname"] == "make.<locals>.<lambda>").ToList();
        Assert.Equal(3, closures.Count);
        Assert.All(closures, f => Assert.Equal(1, (int)f!["closure"]![0]!["cell"]!));
    }

    [Fact]
    public void Python314GetsTheAnalysisButNoRunUntilAnOracleChecksIt()
    {
        var (steps, result) = Harness.Run(new ClosuresSimulator(), JsonNode.Parse("""{"source": "x = 1\nprint(x)\n"}""")!, PythonVersion.V314);
        Assert.Null(result["run"]);
        Assert.Equal("result", steps[^1].Kind);
    }

    [Fact]
    public void EvaluatesDecoratorsTopDownAndAppliesThemBottomUp()
    {
        var (_, result) = Harness.Run(new ClosuresSimulator(), JsonNode.Parse(
            """{"source": "def d(x):\n    return lambda fn: fn\n@d(1)\n@d(2)\ndef f():\n    pass\n"}""")!, PythonVersion.V310);
        var events = result["run"]!["decorators"]!.AsArray().Select(e => $"{e!["kind"]} {e["decorator"]}").ToList();
        Assert.Equal(["evaluate d(1)", "evaluate d(2)", "apply d(2)", "apply d(1)"], events);
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
