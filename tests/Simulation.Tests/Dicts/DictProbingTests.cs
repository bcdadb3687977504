using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Dicts;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Dicts;

/// <summary>
/// What the CPython fixtures cannot show: versions we cannot run here (3.13.4+, 3.14, the free-threaded builds),
/// checked from their C source, plus the public JSON shape, input problems and step bounds.
/// </summary>
public sealed class DictProbingTests
{
    private static JsonObject Input(params (string Op, string? Key, string? Value)[] ops)
    {
        var array = new JsonArray();
        foreach (var (op, key, value) in ops)
        {
            var node = new JsonObject { ["op"] = op };
            if (key is not null)
            {
                node["key"] = key;
            }

            if (value is not null)
            {
                node["value"] = value;
            }

            array.Add(node);
        }

        return new JsonObject { ["operations"] = array, ["hashSeed"] = 0 };
    }

    private static (JsonNode Result, IReadOnlyList<Step> Steps) Run(JsonObject input, PythonVersion version, bool early313 = false) =>
        Fixtures.Run(new DictProbingSimulator { Early313 = early313 }, input, version);

    [Fact]
    public void ResultSerializesToTheContractNames()
    {
        var (result, _) = Run(Input(("set", "'a'", "1"), ("delete", "'b'", null)), PythonVersion.V311);
        var names = result.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(["used", "log2Size", "usable", "nentries", "kind", "indices", "entries", "iterationOrder", "getsizeof", "probes", "error"], names);
        var entry = result["entries"]![0]!.AsObject();
        Assert.Equal(["key", "hash", "value"], entry.Select(p => p.Key).ToArray());
        Assert.Equal(JsonValueKind.String, JsonSerializer.SerializeToElement(entry["hash"]).ValueKind);
        Assert.Equal("KeyError", result["error"]!["type"]!.GetValue<string>());
        Assert.Equal("'b'", result["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void ResultWithoutErrorOmitsIt()
    {
        var (result, _) = Run(Input(("set", "1", "2")), PythonVersion.V313);
        Assert.Null(result["error"]);
        Assert.False(result.AsObject().ContainsKey("error"));
    }

    // calculate_log2_keysize was fixed in 3.13.4 (gh-133703): for GROWTH_RATE 3 the old bit trick gives 16 slots,
    // the fix gives 8. 'a', 'b', pop 'a', then a non-str key: insertion_resize(mp, 0) with used = 1.
    [Theory]
    [InlineData("3.11", false, 4)]
    [InlineData("3.12", false, 4)]
    [InlineData("3.13", true, 4)]
    [InlineData("3.13", false, 3)]
    [InlineData("3.13t", false, 3)]
    [InlineData("3.14", false, 3)]
    [InlineData("3.14t", false, 3)]
    public void KindChangeResizeFollowsTheVersionsKeysizeFormula(string version, bool early313, int log2Size)
    {
        Assert.True(PythonVersion.TryParse(version, out var v));
        var (result, steps) = Run(Input(("set", "'a'", "0"), ("set", "'b'", "0"), ("pop", "'a'", null), ("setdefault", "5", "'five'")), v, early313);
        Assert.Equal(log2Size, result["log2Size"]!.GetValue<int>());
        Assert.Equal("general", result["kind"]!.GetValue<string>());
        Assert.Contains(steps, s => s.Kind == "kind");
    }

    // 3.10 only switches dk_lookup to lookdict: no resize, the dummy stays (checked against 3.10.13 in the fixtures
    // too); 3.11+ rebuild the keys as DICT_KEYS_GENERAL.
    [Fact]
    public void NonStrKeyIn310SwitchesLookupWithoutResize()
    {
        var (result, _) = Run(Input(("set", "'a'", "0"), ("set", "'b'", "0"), ("delete", "'a'", null), ("set", "1", "0")), PythonVersion.V310);
        Assert.Equal(3, result["log2Size"]!.GetValue<int>());
        Assert.Equal(3, result["nentries"]!.GetValue<int>());
        Assert.Equal("general", result["kind"]!.GetValue<string>());
    }

    // is_unusable_slot (Objects/dictobject.c, 3.13+): under Py_GIL_DISABLED find_empty_slot skips DKIX_DUMMY, so a
    // new key never reuses a dummy index slot; the default build reuses it.
    [Theory]
    [InlineData("3.13", 0)]
    [InlineData("3.14", 0)]
    [InlineData("3.13t", 1)]
    [InlineData("3.14t", 1)]
    public void FreeThreadedBuildsNeverReuseADummySlot(string version, int firstSlotOf16)
    {
        Assert.True(PythonVersion.TryParse(version, out var v));
        var (result, _) = Run(Input(("set", "0", "0"), ("set", "8", "0"), ("delete", "0", null), ("set", "16", "0")), v);
        var indices = result["indices"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        // 0 -> slot 0, 8 -> slot 0 taken, perturb 0: i = 0*5 + 1 = 1; 16 -> slot 0 (dummy) then 1 (entry 1) then 6.
        if (firstSlotOf16 == 0)
        {
            Assert.Equal(2, indices[0]);
            Assert.Equal([[0], [0, 1], [0], [0]], Probes(result));
        }
        else
        {
            Assert.Equal(-2, indices[0]);
            Assert.Equal(2, indices[6]);
            Assert.Equal([0, 1, 6], Probes(result)[3]);
        }
    }

    private static int[][] Probes(JsonNode result) =>
        [.. result["probes"]!.AsArray().Select(p => p!.AsArray().Select(n => n!.GetValue<int>()).ToArray())];

    // Free-threaded builds: a 32-byte object header and no GC pre-header (_PyType_PreHeaderSize under
    // Py_GIL_DISABLED) give the same totals as 48 + 16; 3.10 counts a 40-byte keys header and 24-byte entries.
    [Theory]
    [InlineData("3.10", 232)]
    [InlineData("3.11", 184)]
    [InlineData("3.12", 184)]
    [InlineData("3.13", 184)]
    [InlineData("3.13t", 184)]
    [InlineData("3.14t", 184)]
    public void GetSizeOfOneStrKey(string version, long size)
    {
        Assert.True(PythonVersion.TryParse(version, out var v));
        var (result, _) = Run(Input(("set", "'a'", "1")), v);
        Assert.Equal(size, result["getsizeof"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("3.11", "None", true)]
    [InlineData("3.12", "None", false)]
    [InlineData("3.13", "float('nan')", true)]
    [InlineData("3.13", "(1, float('nan'))", true)]
    public void AddressHashedKeysAreRefused(string version, string key, bool refused)
    {
        Assert.True(PythonVersion.TryParse(version, out var v));
        var run = new DictProbingSimulator().Prepare(Fixtures.Element(Input(("set", key, "1"))), v, out var problems);
        Assert.Equal(refused, run is null);
        if (refused)
        {
            Assert.Equal("operations[0].key", Assert.Single(problems).Field);
        }
    }

    [Fact]
    public void InputMistakesAreProblemsWithFieldPaths()
    {
        var input = Input(("set", null, "1"), ("delete", "1", "2"), ("popitem", "1", null), ("fly", "1", null), ("get", "(1,", null));
        var run = new DictProbingSimulator().Prepare(Fixtures.Element(input), PythonVersion.V313, out var problems);
        Assert.Null(run);
        var fields = problems.Select(p => p.Field).ToArray();
        Assert.Contains("operations[0].key", fields);
        Assert.Contains("operations[1].value", fields);
        Assert.Contains("operations[2].key", fields);
        Assert.Contains("operations[3].op", fields);
        Assert.Contains(problems, p => p.Field == "operations[4].key" && p.Column is not null);
    }

    [Fact]
    public void CanonicalInputFillsTheDefaultValue()
    {
        var run = new DictProbingSimulator().Prepare(Fixtures.Element(new JsonObject { ["operations"] = new JsonArray(new JsonObject { ["op"] = "setdefault", ["key"] = "'k'" }) }),
            PythonVersion.V313, out _)!;
        var op = run.CanonicalInput["operations"]![0]!;
        Assert.Equal(["op", "key", "value"], op.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("None", op["value"]!.GetValue<string>());
        Assert.Equal(0, run.CanonicalInput["hashSeed"]!.GetValue<int>());
    }

    [Fact]
    public void StepsCarryTheWholeTableUpTo256SlotsThenAWindow()
    {
        var ops = Enumerable.Range(0, 400).Select(i => ("set", (string?)(i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)"0")).ToArray();
        var (result, steps) = Run(Input(ops), PythonVersion.V313);
        Assert.Equal(10, result["log2Size"]!.GetValue<int>());
        foreach (var step in steps)
        {
            var table = ((DictStepState)step.State!).Table;
            if (table.Log2Size <= 8)
            {
                Assert.Equal(1 << table.Log2Size, table.Indices.Count);
                Assert.Equal(table.Nentries, table.Entries.Count);
            }
            else
            {
                Assert.InRange(table.Indices.Count, 0, 5);
                Assert.InRange(table.Entries.Count, 0, 3);
            }
        }

        Assert.Equal(Enumerable.Range(0, steps.Count), steps.Select(s => s.Index));
        Assert.Contains(steps, s => s.Kind == "resize");
    }

    [Fact]
    public void ProbeStepsShowThePerturbationFormula()
    {
        // 0, 8, 16 collide in slot 0 of an 8-slot table: 16 walks 0 -> 1 -> 6 (perturb 0 after one shift).
        var (_, steps) = Run(Input(("set", "0", "0"), ("set", "8", "0"), ("set", "16", "0")), PythonVersion.V311);
        var probe = steps.Last(s => s.Kind == "probe" && ((DictStepState)s.State!).Slot == 6);
        Assert.Contains("perturb >>= 5 -> 0; i = (i*5 + perturb + 1) & 7 = (1*5 + 0 + 1) & 7 = 6", probe.Message);
        Assert.Equal("https://github.com/python/cpython/blob/v3.11.2/Objects/dictobject.c#L1165", probe.Source!.Url);
    }
}
