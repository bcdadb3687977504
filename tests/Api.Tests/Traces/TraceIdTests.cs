using System.Text.Json.Nodes;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Traces;

/// <summary>The canonical input text and the trace id derived from it are the cache key every replica agrees on.</summary>
public sealed class TraceIdTests
{
    [Fact]
    public void CanonicalSortsKeysAtEveryLevelAndKeepsArrayOrder()
    {
        var input = JsonNode.Parse("""{"b": 1, "a": {"d": [{"z": 1, "y": "é<\""}, 3], "c": null}, "A": [true, 2.5]}""");
        Assert.Equal("""{"A":[true,2.5],"a":{"c":null,"d":[{"y":"é<\"","z":1},3]},"b":1}""", TraceId.Canonical(input));
    }

    [Fact]
    public void TheIdDependsOnSimulatorLogicVersionPythonVersionAndInput()
    {
        var simulator = SimulatorCatalog.Default.Find("slicing")!.Descriptor;
        var canonical = TraceId.Canonical(JsonNode.Parse("""{"step": 2, "length": 10}"""));
        var id = TraceId.Compute(simulator, PythonVersion.V313, canonical);

        Assert.True(TraceId.IsWellFormed(id));
        Assert.Equal(id, TraceId.Compute(simulator, PythonVersion.V313, TraceId.Canonical(JsonNode.Parse("""{"length": 10, "step": 2}"""))));
        Assert.NotEqual(id, TraceId.Compute(simulator, PythonVersion.V311, canonical));
        Assert.NotEqual(id, TraceId.Compute(simulator, PythonVersion.V313, TraceId.Canonical(JsonNode.Parse("""{"length": 11, "step": 2}"""))));
        Assert.NotEqual(id, TraceId.Compute(simulator with { LogicVersion = simulator.LogicVersion + 1 }, PythonVersion.V313, canonical));
    }
}
