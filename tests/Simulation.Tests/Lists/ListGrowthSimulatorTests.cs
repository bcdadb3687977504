using System.Text.Json.Nodes;
using Pynsights.Simulation.Lists;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Lists;

public sealed class ListGrowthSimulatorTests
{
    private static readonly ListGrowthSimulator Simulator = new();

    private static JsonNode Result(string input, PythonVersion version) => Harness.Run(Simulator, JsonNode.Parse(input)!, version).Result;

    [Fact]
    public void ResultSerializesToTheContractShape() =>
        Assert.Equal("""{"states":[{"len":0,"allocated":0,"getsizeof":56},{"len":1,"allocated":4,"getsizeof":88}]}""",
            Result("""{"operations": [{"op": "append"}]}""", PythonVersion.V313).ToJsonString());

    [Theory]
    // Python/codegen.c (v3.14.7) starunpack_helper: more than _PY_STACK_USE_GUIDELINE (30) items -> BUILD_LIST 0 and
    // LIST_APPEND per item; flowgraph.c optimize_lists_and_sets folds only 3..30 constants into LIST_EXTEND of a tuple.
    [InlineData("3.14", 30, 30)]
    [InlineData("3.14", 31, 32)]
    [InlineData("3.14", 41, 52)]
    [InlineData("3.14t", 41, 52)]
    // Up to 3.13 any display of 3+ constants is BUILD_LIST 0 + LIST_EXTEND: list_preallocate_exact rounds to even.
    [InlineData("3.13", 41, 42)]
    [InlineData("3.13t", 41, 42)]
    public void LiteralDisplaysFollowTheCompilerOfEachVersion(string versionText, int n, int allocated)
    {
        Assert.True(PythonVersion.TryParse(versionText, out var version));
        var result = Result("{\"initial\": {\"kind\": \"literal\", \"length\": " + n + "}}", version);
        Assert.Equal(allocated, (int)result["states"]![0]!["allocated"]!);
    }

    [Theory]
    // Objects/listobject.c list_pop_impl: v3.11.2 ends in list_resize(0), leaving ob_item allocated, so the next
    // extend goes through list_resize(3) -> 8; from v3.12.5 popping the only item clears the list (ob_item NULL),
    // so extend uses list_preallocate_exact(3) -> 4.
    [InlineData("3.10", 8)]
    [InlineData("3.11", 8)]
    [InlineData("3.12", 4)]
    [InlineData("3.14t", 4)]
    public void PoppingTheOnlyItemDiffersFrom312(string versionText, int allocatedAfterExtend)
    {
        Assert.True(PythonVersion.TryParse(versionText, out var version));
        var result = Result("""{"initial": {"kind": "repeat", "length": 1}, "operations": [{"op": "pop"}, {"op": "extend", "count": 3}]}""", version);
        Assert.Equal(allocatedAfterExtend, (int)result["states"]![2]!["allocated"]!);
    }

    [Fact]
    public void FreeThreadedGetsizeofIsTheSameSum()
    {
        // 3.13t/3.14t: basicsize 56 (32-byte object header) and no PyGC_Head pre-header; default: 40 + 16.
        var freeThreaded = Result("""{"initial": {"kind": "range", "length": 5}}""", PythonVersion.V314T);
        var regular = Result("""{"initial": {"kind": "range", "length": 5}}""", PythonVersion.V314);
        Assert.Equal(regular.ToJsonString(), freeThreaded.ToJsonString());
        Assert.Equal(56 + (6 * 8), (int)freeThreaded["states"]![0]!["getsizeof"]!);
    }

    [Fact]
    public void PopFromEmptyEndsWithTheIndexError()
    {
        var (steps, result) = Harness.Run(Simulator, JsonNode.Parse("""{"operations": [{"op": "append"}, {"op": "pop", "count": 2}]}""")!, PythonVersion.V311);
        Assert.Equal("exception", steps[^1].Kind);
        Assert.Equal("""{"type":"IndexError","message":"pop from empty list"}""", result["error"]!.ToJsonString());
        Assert.Equal(2, result["states"]!.AsArray().Count);
    }

    [Fact]
    public void ResizeStepsShowTheFormulaAndCiteListResize()
    {
        var (steps, _) = Harness.Run(Simulator, JsonNode.Parse("""{"initial": {"kind": "comprehension", "length": 5}}""")!, PythonVersion.V312);
        var resize = steps.Where(s => s.Kind == "resize").ToList();
        Assert.Equal(2, resize.Count);
        Assert.Contains("(5 + (5 >> 3) + 6) & ~3 = 8", resize[1].Message, StringComparison.Ordinal);
        Assert.Equal("https://github.com/python/cpython/blob/v3.12.5/Objects/listobject.c#L71", resize[1].Source!.Url);
    }

    [Fact]
    public void LearnerMistakesAreProblems()
    {
        var problems = Harness.Problems(Simulator,
            """{"initial": {"kind": "empty", "length": 3}, "operations": [{"op": "append", "index": 1}, {"op": "shuffle"}, {"op": "extend", "count": 2000000}]}""");
        Assert.Contains(problems, p => p.Field == "initial.length");
        Assert.Contains(problems, p => p.Field == "operations[0].index");
        Assert.Contains(problems, p => p.Field == "operations[1].op");
        Assert.Contains(problems, p => p.Field == "operations[2].count" && p.Limit == ListGrowthSimulator.MaxCount);
    }

    [Fact]
    public void IsInTheDefaultCatalog() => Assert.IsType<ListGrowthSimulator>(SimulatorCatalog.Default.Find("list-growth"));
}
