using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Sets;

/// <summary>
/// The <c>set-probing</c> simulator: a set built from <c>s = set()</c> by a list of operations, with the linear
/// probes, perturbation, dummies and resizes of Objects/setobject.c. A key whose CPython hash is its address
/// (<c>float('nan')</c>, and <c>None</c> before 3.12) is refused: its slot cannot be reproduced.
/// </summary>
public sealed class SetProbingSimulator : ISimulator
{
    public const int MaxOperations = 1_000_000;
    public const int MaxTextLength = 1000;

    private static readonly string[] OpNames = ["add", "discard", "remove", "contains", "pop"];

    public SimulatorDescriptor Descriptor { get; } = new(
        "set-probing",
        "set: linear probes, dummies and resizes",
        "Replays operations on s = set() and shows CPython's set table at work: each hash, up to 9 linear probes after each perturbed slot (perturb >>= 5; i = (i*5 + 1 + perturb) & mask), dummies left by discard, remove and pop and their reuse, fill versus used, and resizes.",
        ["sets-membership-views"],
        PythonVersion.All,
        1,
        Schema(),
        [
            new InputLimit("operations", MaxOperations, "Operations per request."),
            new InputLimit("operations[].key", MaxTextLength, "Characters of a key's source text."),
            new InputLimit("arithmeticBits", ValueParser.MaxResultBits, "Bits of an int computed with + - * ** (keeps its repr printable)."),
            new InputLimit("hashSeed", uint.MaxValue, "Largest PYTHONHASHSEED (0 disables randomization)."),
        ],
        [
            new JsonObject
            {
                ["operations"] = new JsonArray(Op("add", "0"), Op("add", "8"), Op("add", "16"), Op("discard", "8"), Op("add", "24"), Op("contains", "16")),
                ["hashSeed"] = 0,
            },
            new JsonObject
            {
                ["operations"] = new JsonArray(Op("add", "'a'"), Op("add", "'b'"), Op("add", "'c'"), Op("add", "'d'"), Op("add", "'e'"), Op("pop"), Op("remove", "'z'")),
                ["hashSeed"] = 42,
            },
        ]);

    private static JsonObject Op(string op, string? key = null)
    {
        var node = new JsonObject { ["op"] = op };
        if (key is not null)
        {
            node["key"] = key;
        }

        return node;
    }

    private static JsonObject Schema() => OperationsSchema.Build(
        OpNames,
        MaxOperations,
        MaxTextLength,
        ("key", "Python source text of the key; required except for pop."));

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
        var operations = new List<SetOperation>(items?.Count ?? 0);
        var canonical = new OperationsJson();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var field = InputReader.Item("operations", i);
            var item = items[i];
            if (!reader.Object(item, field, "op", "key"))
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

            var op = (SetOp)Array.IndexOf(OpNames, name);
            var takesKey = op != SetOp.Pop;
            var keyField = InputReader.Join(field, "key");
            var keyText = values.Text(item, "key", field, takesKey, required: takesKey);
            var key = keyText is null ? null : values.Parse(keyText, keyField);
            if (takesKey && key is null)
            {
                continue;
            }

            var (hash, hashError) = key is null ? (0L, null) : values.Hash(keyText!, keyField);
            PyFrozenSet? frozen = null;
            var frozenHash = 0L;
            if (op is not SetOp.Add and not SetOp.Pop && key?.Value is PySet set)
            {
                frozen = SetDisplay.Freeze(set);
                var outcome = hasher.Hash(frozen);
                if (outcome.Hash is { } h)
                {
                    frozenHash = h;
                }
                else if (outcome.Error is null)
                {
                    reader.Report(keyField, $"{frozen.Repr()} hashes by its items' addresses in CPython {version} ({outcome.Explanation}), so its slot cannot be reproduced.");
                }
                else
                {
                    frozen = null;
                }
            }

            operations.Add(new SetOperation(op, Call(op, keyText), key, hash, hashError, frozen, frozenHash));
            canonical.Add(name, keyText, null);
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : new SetProbingRun(canonical.Build(seed), version, operations);
    }

    private static string Call(SetOp op, string? key) => op switch
    {
        SetOp.Add => $"s.add({key})",
        SetOp.Discard => $"s.discard({key})",
        SetOp.Remove => $"s.remove({key})",
        SetOp.Contains => $"{key} in s",
        _ => "s.pop()",
    };
}
