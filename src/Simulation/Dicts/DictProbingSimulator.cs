using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// The <c>dict-probing</c> simulator: a dict built from <c>d = {}</c> by a list of operations, with every index
/// probe, resize and kind change of Objects/dictobject.c. <c>get</c> is <c>d.get(key[, value])</c> (no KeyError);
/// <c>pop</c> with a <c>value</c> is <c>d.pop(key, value)</c>. A key whose CPython hash is its address
/// (<c>float('nan')</c>, and <c>None</c> before 3.12) is refused: its slot cannot be reproduced.
/// </summary>
public sealed class DictProbingSimulator : ISimulator
{
    public const int MaxOperations = 1_000_000;
    public const int MaxTextLength = 1000;

    private static readonly string[] OpNames = ["set", "get", "delete", "pop", "popitem", "setdefault", "contains"];

    /// <summary>
    /// Model 3.13.0-3.13.3, whose <c>calculate_log2_keysize</c> still has the 3.10-3.12 bit trick (fixed in 3.13.4 by
    /// gh-133703); "3.13" otherwise means the current 3.13 patch release. Lets the 3.13.0 oracle fixtures be checked.
    /// </summary>
    internal bool Early313 { get; init; }

    public SimulatorDescriptor Descriptor { get; } = new(
        "dict-probing",
        "dict: probing, dummies and resizes",
        "Replays operations on d = {} and shows CPython's compact dict at work: each hash, each index slot probed (i = hash & mask, then perturb >>= 5; i = (i*5 + perturb + 1) & mask), DKIX_DUMMY left by deletions, entries appended in insertion order, resizes and key-kind changes.",
        ["dict-hash-tables", "dict-setdefault"],
        PythonVersion.All,
        1,
        Schema(),
        [
            new InputLimit("operations", MaxOperations, "Operations per request."),
            new InputLimit("operations[].key", MaxTextLength, "Characters of a key's source text."),
            new InputLimit("operations[].value", MaxTextLength, "Characters of a value's source text."),
            new InputLimit("arithmeticBits", ValueParser.MaxResultBits, "Bits of an int computed with + - * ** (keeps its repr printable)."),
            new InputLimit("hashSeed", uint.MaxValue, "Largest PYTHONHASHSEED (0 disables randomization)."),
        ],
        [
            new JsonObject
            {
                ["operations"] = new JsonArray(Op("set", "0", "'a'"), Op("set", "8", "'b'"), Op("set", "16", "'c'"), Op("delete", "8"), Op("get", "16"), Op("set", "24", "'d'")),
                ["hashSeed"] = 0,
            },
            new JsonObject
            {
                ["operations"] = new JsonArray(Op("set", "'x'", "1"), Op("set", "'y'", "2"), Op("set", "3", "3"), Op("popitem", null, null), Op("setdefault", "'z'", "[]")),
                ["hashSeed"] = 42,
            },
        ]);

    private static JsonObject Op(string op, string? key, string? value = null)
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

        return node;
    }

    private static JsonObject Schema() => OperationsSchema.Build(
        OpNames,
        MaxOperations,
        MaxTextLength,
        ("key", "Python source text of the key; required except for popitem."),
        ("value", "Python source text: the value for set and setdefault (default None), the default for get and pop; not allowed for delete, contains, popitem."));

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        reader.Object(input, "", "operations", "hashSeed");
        var seed = (uint)(reader.Int64(input, "hashSeed", "hashSeed", 0, uint.MaxValue) ?? 0);
        var items = reader.Array(input, "operations", "operations", MaxOperations);
        if (items is null && !reader.HasProblems)
        {
            reader.Report("operations", "is required.");
        }

        var hasher = new PyHasher(version, seed);
        var values = new OperationValues(reader, hasher, MaxTextLength);
        var operations = new List<DictOperation>(items?.Count ?? 0);
        var canonical = new OperationsJson();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var field = InputReader.Item("operations", i);
            var item = items[i];
            if (!reader.Object(item, field, "op", "key", "value"))
            {
                continue;
            }

            var name = reader.Choice(item, "op", InputReader.Join(field, "op"), OpNames);
            if (name is null)
            {
                if (InputReader.Property(item, "op") is null)
                {
                    reader.Report(InputReader.Join(field, "op"), "is required.");
                }

                continue;
            }

            var op = (DictOp)Array.IndexOf(OpNames, name);
            var takesKey = op != DictOp.PopItem;
            var takesValue = op is DictOp.Set or DictOp.SetDefault or DictOp.Get or DictOp.Pop;
            var keyText = values.Text(item, "key", field, takesKey, required: takesKey);
            var valueText = values.Text(item, "value", field, takesValue, required: false);
            if (op is DictOp.Set or DictOp.SetDefault)
            {
                valueText ??= "None";
            }

            var key = keyText is null ? null : values.Parse(keyText, InputReader.Join(field, "key"));
            var value = valueText is null ? null : values.Parse(valueText, InputReader.Join(field, "value"));
            if ((takesKey && key is null) || (valueText is not null && value is null))
            {
                continue;
            }

            var (hash, hashError) = key is null ? (0L, null) : values.Hash(keyText!, InputReader.Join(field, "key"));
            var keyRepr = key?.Value is null ? null : values.Repr(keyText!);
            var valueRepr = value?.Value is null ? null : values.Repr(valueText!);
            operations.Add(new DictOperation(op, Call(op, keyText, valueText), key, keyRepr, hash, hashError, value, valueRepr));
            canonical.Add(name, keyText, valueText);
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : new DictProbingRun(canonical.Build(seed), version, operations, KeysizeQuirk(version));
    }

    private bool KeysizeQuirk(PythonVersion version) => version.Minor is 10 or 11 or 12 || (version.Minor == 13 && Early313);

    private static string Call(DictOp op, string? key, string? value) => op switch
    {
        DictOp.Set => $"d[{key}] = {value}",
        DictOp.Get => value is null ? $"d.get({key})" : $"d.get({key}, {value})",
        DictOp.Delete => $"del d[{key}]",
        DictOp.Pop => value is null ? $"d.pop({key})" : $"d.pop({key}, {value})",
        DictOp.PopItem => "d.popitem()",
        DictOp.SetDefault => $"d.setdefault({key}, {value})",
        _ => $"{key} in d",
    };
}
