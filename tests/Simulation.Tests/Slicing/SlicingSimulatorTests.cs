using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Slicing;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Slicing;

public sealed class SlicingSimulatorTests
{
    private static readonly SlicingSimulator Simulator = new();

    [Fact]
    public void ResultSerializesToTheContractShape()
    {
        var (_, result) = Harness.Run(Simulator, JsonNode.Parse("""{"length": 10, "start": 1, "stop": 8, "step": 3}""")!, PythonVersion.V313);
        Assert.Equal("""{"indices":[1,8,3],"selected":[1,4,7]}""", result.ToJsonString());
    }

    [Fact]
    public void HugeStepIsUnclampedInIndicesButClampedForTheList()
    {
        // slice(None, None, -10**30).indices(5) == (4, -1, -10**30); list subscripting clamps the step to -PY_SSIZE_T_MAX.
        var (steps, result) = Harness.Run(Simulator, JsonNode.Parse("""{"length": 5, "step": "-1000000000000000000000000000000"}""")!, PythonVersion.V311);
        Assert.Equal("""{"indices":[4,-1,"-1000000000000000000000000000000"],"selected":[4]}""", result.ToJsonString());
        var unpack = JsonSerializer.SerializeToNode(steps[0].State, Harness.Web)!;
        Assert.Equal("-9223372036854775807", (string?)unpack["step"]);
    }

    [Fact]
    public void ZeroStepEndsWithTheValueError()
    {
        var (steps, result) = Harness.Run(Simulator, JsonNode.Parse("""{"length": 3, "step": 0}""")!, PythonVersion.V310);
        Assert.Equal("exception", Assert.Single(steps).Kind);
        Assert.Equal("""{"error":{"type":"ValueError","message":"slice step cannot be zero"}}""", result.ToJsonString());
    }

    [Theory]
    // Objects/sliceobject.c, PySlice_AdjustIndices: "if (*start < 0) {" at each pinned tag.
    [InlineData("3.10", "v3.10.7", 256)]
    [InlineData("3.11", "v3.11.2", 257)]
    [InlineData("3.12", "v3.12.5", 283)]
    [InlineData("3.13t", "v3.13.5", 291)]
    [InlineData("3.14", "v3.14.7", 272)]
    public void StepsCiteTheSourceOfTheSimulatedVersion(string versionText, string tag, int adjustStartLine)
    {
        Assert.True(PythonVersion.TryParse(versionText, out var version));
        var (steps, _) = Harness.Run(Simulator, JsonNode.Parse("""{"length": 4, "start": -1}""")!, version);
        var adjust = steps.Single(s => s.Kind == "adjust-start");
        Assert.Equal(adjustStartLine, adjust.Source!.Line);
        Assert.Equal($"https://github.com/python/cpython/blob/{tag}/Objects/sliceobject.c#L{adjustStartLine}", adjust.Source.Url);
    }

    [Fact]
    public void CanonicalInputIsTheSameForEqualInputs()
    {
        static string Canonical(string json)
        {
            using var document = JsonDocument.Parse(json);
            return Simulator.Prepare(document.RootElement, PythonVersion.V313, out _)!.CanonicalInput.ToJsonString();
        }

        Assert.Equal(Canonical("""{"length": 4, "stop": "3"}"""), Canonical("""{"stop": 3, "length": 4, "start": null}"""));
        Assert.Equal("""{"length":4,"start":null,"stop":3,"step":null}""", Canonical("""{"length": 4, "stop": 3}"""));
    }

    [Fact]
    public void LearnerMistakesAreProblemsWithTheirLimits()
    {
        var problems = Harness.Problems(Simulator, """{"length": 1000001, "start": 1.5, "colour": 1}""");
        Assert.Contains(problems, p => p.Field == "length" && p.Limit == SlicingSimulator.MaxLength);
        Assert.Contains(problems, p => p.Field == "start");
        Assert.Contains(problems, p => p.Field == "colour");
        Assert.Contains(Harness.Problems(Simulator, "{}"), p => p.Field == "length");
    }

    [Fact]
    public void AMillionIndexTraceKeepsEveryStateSmall()
    {
        var (steps, result) = Harness.Run(Simulator, JsonNode.Parse("""{"length": 1000000}""")!, PythonVersion.V313);
        Assert.Equal(1_000_000, result["selected"]!.AsArray().Count);
        Assert.Equal(1_000_007, steps.Count);
        var last = JsonSerializer.Serialize(steps[^2].State, Harness.Web);
        Assert.True(last.Length < 200, last);
    }

    [Fact]
    public void IsInTheDefaultCatalog() => Assert.IsType<SlicingSimulator>(SimulatorCatalog.Default.Find("slicing"));
}
