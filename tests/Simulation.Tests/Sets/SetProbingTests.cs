using System.Text.Json.Nodes;
using Pynsights.Simulation.Sets;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Sets;

public sealed class SetProbingTests
{
    private static JsonObject Input(params (string Op, string? Key)[] ops)
    {
        var array = new JsonArray();
        foreach (var (op, key) in ops)
        {
            var node = new JsonObject { ["op"] = op };
            if (key is not null)
            {
                node["key"] = key;
            }

            array.Add(node);
        }

        return new JsonObject { ["operations"] = array };
    }

    [Fact]
    public void ResultSerializesToTheContractNames()
    {
        var (result, steps) = Fixtures.Run(new SetProbingSimulator(), Input(("add", "1"), ("remove", "2")), PythonVersion.V313);
        Assert.Equal(["mask", "fill", "used", "table", "iterationOrder", "getsizeof", "probes", "error"], result.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("""{"type":"KeyError","message":"2"}""", result["error"]!.ToJsonString());
        Assert.Equal("exception", steps[^1].Kind);
    }

    [Fact]
    public void DummiesAreReusedAndFillCountsThem()
    {
        var (result, steps) = Fixtures.Run(new SetProbingSimulator(), Input(("add", "0"), ("add", "8"), ("discard", "0"), ("add", "16")), PythonVersion.V314T);
        Assert.Equal("[\"16\",\"8\",null,null,null,null,null,null]", result["table"]!.ToJsonString());
        Assert.Equal(2, result["fill"]!.GetValue<int>());
        Assert.Contains(steps, s => s.Kind == "reuse-dummy");
    }

    [Fact]
    public void StepsCarryTheWholeTableUpTo256SlotsThenAWindow()
    {
        var ops = Enumerable.Range(0, 300).Select(i => ("add", (string?)$"'k{i}'")).Append(("pop", null)).ToArray();
        var (result, steps) = Fixtures.Run(new SetProbingSimulator(), Input(ops), PythonVersion.V313);
        Assert.Equal(511, result["mask"]!.GetValue<int>());
        foreach (var step in steps)
        {
            var table = ((SetStepState)step.State!).Table;
            if (table.Mask < 256)
            {
                Assert.Equal(table.Mask + 1, table.Table.Count);
            }
            else
            {
                Assert.InRange(table.Table.Count, 0, 5);
            }
        }

        Assert.Contains(steps, s => s.Kind == "resize");
        Assert.Equal("set_pop_impl", steps.Last(s => s.Kind == "dummy-left").Source!.Function);
    }

    [Fact]
    public void InputMistakesAreProblems()
    {
        var run = new SetProbingSimulator().Prepare(Fixtures.Element(Input(("pop", "1"), ("add", null), ("add", "float('nan')"))), PythonVersion.V313, out var problems);
        Assert.Null(run);
        Assert.Equal(["operations[0].key", "operations[1].key", "operations[2].key"], problems.Select(p => p.Field).ToArray());
    }

    [Fact]
    public void CatalogListsBothProbingSimulators()
    {
        Assert.True(SimulatorCatalog.Default.Contains("dict-probing"));
        Assert.True(SimulatorCatalog.Default.Contains("set-probing"));
        foreach (var simulator in SimulatorCatalog.Default.All)
        {
            foreach (var example in simulator.Descriptor.Examples)
            {
                Assert.NotNull(simulator.Prepare(Fixtures.Element(example), PythonVersion.Default, out _));
            }
        }
    }
}
