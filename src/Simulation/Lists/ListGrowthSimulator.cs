using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;

namespace Pynsights.Simulation.Lists;

/// <summary>
/// <c>list-growth</c>: a list built one of six ways, then appended to, extended, inserted into, popped and cleared,
/// with every list_resize and its over-allocation arithmetic, as len, allocated and sys.getsizeof show them.
/// </summary>
public sealed class ListGrowthSimulator : ISimulator
{
    public const long MaxLength = 1_000_000;
    public const int MaxOperations = 1_000;
    public const long MaxCount = 1_000_000;

    /// <summary>Bound on items written by the whole trace (initial length plus append/extend/insert counts): one step each.</summary>
    public const long MaxTotalItems = 2_000_000;

    public const int MaxIndexDigits = 4300;

    private static readonly string[] Kinds = ["empty", "repeat", "range", "literal", "comprehension", "tuple"];
    private static readonly string[] Ops = ["append", "extend", "insert", "pop", "clear"];
    private static readonly string[] Froms = ["list", "iterator"];

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "list-growth",
        Title: "List over-allocation: list_resize step by step",
        Summary: "Builds a list as [], [None]*n, list(range(n)), an n-item display, a comprehension or list(tuple(...)), "
            + "then appends, extends, inserts, pops and clears, showing each list_resize with its over-allocation "
            + "formula, each element write and each memmove, and len, allocated and sys.getsizeof after every operation "
            + "(64-bit build).",
        Topics: ["memory-tuples-lists"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "list-growth input",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "initial": {
                  "description": "How the list is created. empty: []; repeat: [None] * length; range: list(range(length)); literal: the display [0, 1, ..., length-1] of int literals (BUILD_LIST n for 1-2 items; BUILD_LIST 0 + LIST_EXTEND of a constant tuple for 3+ items, except that 3.14 uses BUILD_LIST 0 + one LIST_APPEND per item above 30 items); comprehension: [i for i in range(length)]; tuple: list(tuple(range(length))).",
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "kind": { "enum": ["empty", "repeat", "range", "literal", "comprehension", "tuple"], "default": "empty" },
                    "length": { "type": "integer", "minimum": 0, "maximum": 1000000, "default": 0, "description": "n; must be 0 for empty." }
                  }
                },
                "operations": {
                  "type": "array",
                  "maxItems": 1000,
                  "items": {
                    "type": "object",
                    "required": ["op"],
                    "additionalProperties": false,
                    "properties": {
                      "op": { "enum": ["append", "extend", "insert", "pop", "clear"] },
                      "count": { "type": "integer", "minimum": 0, "maximum": 1000000, "default": 1, "description": "append/insert/pop: how many times (one result state for all); extend: how many items (None) the iterable has." },
                      "index": { "type": ["integer", "string"], "description": "insert (default 0) and pop (default -1): a Python int; beyond Py_ssize_t it raises OverflowError." },
                      "from": { "enum": ["list", "iterator"], "default": "list", "description": "extend only: a list of count items, or an iterator over one (iter([None] * count)), whose exact length hint preallocates." }
                    }
                  }
                }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("initial.length", MaxLength, "Largest initial list."),
            new InputLimit("operations", MaxOperations, "Most operations."),
            new InputLimit("operations[].count", MaxCount, "Largest count of one operation."),
            new InputLimit("totalItems", MaxTotalItems, "Initial length plus the counts of append, extend and insert: each item written is a step."),
            new InputLimit("operations[].index", MaxIndexDigits, "Most decimal digits in an index."),
        ],
        Examples:
        [
            new JsonObject { ["initial"] = new JsonObject { ["kind"] = "empty", ["length"] = 0 }, ["operations"] = new JsonArray(new JsonObject { ["op"] = "append", ["count"] = 17 }) },
            new JsonObject
            {
                ["initial"] = new JsonObject { ["kind"] = "range", ["length"] = 5 },
                ["operations"] = new JsonArray(
                    new JsonObject { ["op"] = "extend", ["count"] = 3, ["from"] = "iterator" },
                    new JsonObject { ["op"] = "insert", ["index"] = 0 },
                    new JsonObject { ["op"] = "pop" },
                    new JsonObject { ["op"] = "clear" }),
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        var kind = "empty";
        long length = 0;
        var operations = new List<ListOperation>();
        if (reader.Object(input, "", "initial", "operations"))
        {
            if (InputReader.Property(input, "initial") is { } initial && reader.Object(initial, "initial", "kind", "length"))
            {
                kind = reader.Choice(initial, "kind", "initial.kind", Kinds) ?? kind;
                length = reader.Int64(initial, "length", "initial.length", 0, MaxLength) ?? 0;
                if (kind == "empty" && length != 0)
                {
                    reader.Report("initial.length", "must be 0 for an empty list.");
                }
            }

            var items = reader.Array(input, "operations", "operations", MaxOperations) ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadOperation(reader, items[i], InputReader.Item("operations", i)) is { } operation)
                {
                    operations.Add(operation);
                }
            }
        }

        var total = length + operations.Where(o => o.Op is "append" or "extend" or "insert").Sum(o => o.Count);
        if (total > MaxTotalItems)
        {
            reader.Report("operations", $"write {total} items in all; the limit is {MaxTotalItems}.", MaxTotalItems);
        }

        problems = reader.Problems;
        if (reader.HasProblems)
        {
            return null;
        }

        var canonical = new JsonObject
        {
            ["initial"] = new JsonObject { ["kind"] = kind, ["length"] = length },
            ["operations"] = new JsonArray([.. operations.Select(Canonical)]),
        };
        return new ListGrowthRun(canonical, version, kind, length, operations);
    }

    private static ListOperation? ReadOperation(InputReader reader, JsonElement item, string field)
    {
        if (!reader.Object(item, field, "op", "count", "index", "from") || !reader.Require(item, "op", InputReader.Join(field, "op")))
        {
            return null;
        }

        var op = reader.Choice(item, "op", InputReader.Join(field, "op"), Ops);
        if (op is null)
        {
            return null;
        }

        var count = reader.Int64(item, "count", InputReader.Join(field, "count"), 0, MaxCount) ?? 1;
        BigInteger index = op == "pop" ? -1 : 0;
        if (reader.Integer(item, "index", InputReader.Join(field, "index"), MaxIndexDigits) is { } given)
        {
            index = given;
        }

        var from = reader.Choice(item, "from", InputReader.Join(field, "from"), Froms) ?? "list";
        Unused(op is "insert" or "pop", "index");
        Unused(op == "extend", "from");
        Unused(op != "clear", "count");
        return new ListOperation(op, count, index, from);

        void Unused(bool allowed, string name)
        {
            if (!allowed && InputReader.Property(item, name) is not null)
            {
                reader.Report(InputReader.Join(field, name), $"is not used by {op}.");
            }
        }
    }

    private static JsonObject Canonical(ListOperation operation) => operation.Op switch
    {
        "clear" => new JsonObject { ["op"] = "clear" },
        "extend" => new JsonObject { ["op"] = "extend", ["count"] = operation.Count, ["from"] = operation.From },
        "insert" or "pop" => new JsonObject { ["op"] = operation.Op, ["count"] = operation.Count, ["index"] = new PyInteger(operation.Index).ToJsonNode() },
        _ => new JsonObject { ["op"] = operation.Op, ["count"] = operation.Count },
    };
}
