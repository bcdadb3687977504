using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Hashing;

/// <summary>The <c>hash</c> simulator: CPython's <c>hash()</c> of each value, step by step.</summary>
public sealed class HashSimulator : ISimulator
{
    public const int MaxValues = 128;
    public const int MaxValueLength = 1000;

    public SimulatorDescriptor Descriptor { get; } = new(
        "hash",
        "hash() step by step",
        "Computes CPython's hash() of each value: ints modulo 2**61 - 1, floats from mantissa and exponent, str and bytes with SipHash keyed by PYTHONHASHSEED, tuples with the xxHash-style combine, frozensets with the shuffle.",
        ["dict-hash-tables"],
        PythonVersion.All,
        1,
        Schema(),
        [
            new InputLimit("values", MaxValues, "Values per request."),
            new InputLimit("values[]", MaxValueLength, "Characters of one value's source text."),
            new InputLimit("arithmeticBits", ValueParser.MaxResultBits, "Bits of an int computed with + - * ** (keeps its repr printable)."),
            new InputLimit("hashSeed", uint.MaxValue, "Largest PYTHONHASHSEED (0 disables randomization)."),
        ],
        [
            new JsonObject { ["values"] = new JsonArray("1", "-1", "2**61 - 1", "1.5", "'abc'", "(1, 2)", "frozenset({1, 2})"), ["hashSeed"] = 0 },
            new JsonObject { ["values"] = new JsonArray("'é'", "'€'", "'😀'", "b'abc'"), ["hashSeed"] = 42 },
        ]);

    private static JsonObject Schema() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("values"),
        ["properties"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["type"] = "array",
                ["maxItems"] = MaxValues,
                ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = MaxValueLength },
                ["description"] = "Python source text of each value (literals, frozenset({...}), float('nan'), + - * **).",
            },
            ["hashSeed"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = uint.MaxValue, ["default"] = 0 },
        },
    };

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        reader.Object(input, "", "values", "hashSeed");
        var seed = (uint)(reader.Int64(input, "hashSeed", "hashSeed", 0, uint.MaxValue) ?? 0);
        var items = reader.Array(input, "values", "values", MaxValues);
        if (items is null && !reader.HasProblems)
        {
            reader.Report("values", "is required.");
        }

        var hasher = new PyHasher(version, seed);
        var texts = new List<string>();
        var parsed = new List<ParsedValue>();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var field = InputReader.Item("values", i);
            if (reader.PythonValue(items[i], field, MaxValueLength, hasher) is { } value)
            {
                texts.Add(items[i].GetString()!);
                parsed.Add(value);
            }
        }

        problems = reader.Problems;
        if (reader.HasProblems)
        {
            return null;
        }

        var canonical = new JsonObject { ["values"] = new JsonArray([.. texts.Select(t => JsonValue.Create(t))]), ["hashSeed"] = seed };
        return new Run(canonical, hasher, parsed);
    }

    private sealed class Run(JsonObject canonical, PyHasher hasher, IReadOnlyList<ParsedValue> values) : SimulationRun(canonical)
    {
        private HashResult? _result;

        public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

        public override IEnumerable<Step> Steps()
        {
            var index = 0;
            var hashes = new List<HashEntry>();
            for (var position = 0; position < values.Count; position++)
            {
                var parsed = values[position];
                if (parsed.Error is { } evalError)
                {
                    yield return new Step(index++, "exception", $"Evaluating value {position} raises {evalError.Type}: {evalError.Message}",
                        new HashStepState(position, "", "", []), [], null);
                    _result = new HashResult(hashes, evalError);
                    yield break;
                }

                var value = parsed.Value!;
                var repr = value.Repr();
                yield return new Step(index++, "value", $"hash({repr}): a {value.TypeName}, hashed by its type's tp_hash.",
                    new HashStepState(position, repr, value.TypeName, []), [], null);
                var events = new List<HashEvent>();
                var outcome = hasher.Hash(value, events);
                foreach (var e in events)
                {
                    yield return new Step(index++, e.Kind, e.Message, new HashStepState(position, repr, value.TypeName, e.Variables),
                        [.. e.Variables.Select(v => v.Name)], CPythonSource.For(hasher.Version, e.Function));
                }

                if (outcome.Error is { } error)
                {
                    yield return new Step(index++, "exception", $"{error.Type}: {error.Message}", new HashStepState(position, repr, value.TypeName, []), [], null);
                    _result = new HashResult(hashes, error);
                    yield break;
                }

                var text = outcome.Hash?.ToString(CultureInfo.InvariantCulture);
                hashes.Add(new HashEntry(repr, value.TypeName, text, outcome.Explanation));
                yield return new Step(index++, "hash", text is null ? $"hash({repr}) cannot be reproduced: {outcome.Explanation}" : $"hash({repr}) = {text}.",
                    new HashStepState(position, repr, value.TypeName, text is null ? [] : [new HashVariable("hash", text)]), ["hash"], null);
            }

            _result = new HashResult(hashes, null);
        }
    }
}
