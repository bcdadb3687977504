using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;

namespace Pynsights.Simulation.Slicing;

/// <summary>
/// <c>slicing</c>: how <c>seq[start:stop:step]</c> on a list of <c>length</c> items is normalised
/// (PySlice_Unpack, PySlice_AdjustIndices) and which indices it visits, next to what <c>slice.indices</c> reports.
/// </summary>
public sealed class SlicingSimulator : ISimulator
{
    /// <summary>The longest sequence a trace may slice; one step per selected index, so this bounds the trace.</summary>
    public const long MaxLength = 1_000_000;

    /// <summary>Digits allowed in start/stop/step, CPython's own int-from-text limit (sys.int_info.default_max_str_digits).</summary>
    public const int MaxDigits = 4300;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "slicing",
        Title: "Slicing a list: slice.indices and the indices visited",
        Summary: "Follows seq[start:stop:step] through PySlice_Unpack (None defaults, clamping to Py_ssize_t, "
            + "zero step) and PySlice_AdjustIndices (negative indices, clamping to the length), computes the slice "
            + "length and visits each selected index; the result also gives slice.indices(length).",
        Topics: ["sequences-slicing"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "slicing input",
              "description": "range(length)[start:stop:step]. start, stop and step are Python ints of any size (a JSON number or, for big values, a decimal string) or null for None.",
              "type": "object",
              "required": ["length"],
              "additionalProperties": false,
              "properties": {
                "length": { "description": "len of the sequence sliced.", "type": "integer", "minimum": 0, "maximum": 1000000 },
                "start": { "description": "slice start, or null for None.", "type": ["integer", "string", "null"], "pattern": "^[+-]?[0-9]{1,4300}$" },
                "stop": { "description": "slice stop, or null for None.", "type": ["integer", "string", "null"], "pattern": "^[+-]?[0-9]{1,4300}$" },
                "step": { "description": "slice step, or null for None; 0 raises ValueError.", "type": ["integer", "string", "null"], "pattern": "^[+-]?[0-9]{1,4300}$" }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("length", MaxLength, "Largest length; the trace has one step per selected index."),
            new InputLimit("startStopStepDigits", MaxDigits, "Most decimal digits in start, stop or step."),
        ],
        Examples:
        [
            new JsonObject { ["length"] = 10, ["start"] = 1, ["stop"] = 8, ["step"] = 3 },
            new JsonObject { ["length"] = 10, ["start"] = null, ["stop"] = null, ["step"] = -2 },
            new JsonObject { ["length"] = 5, ["start"] = "-1000000000000000000000000000000", ["stop"] = 3, ["step"] = null },
            new JsonObject { ["length"] = 5, ["start"] = null, ["stop"] = null, ["step"] = 0 },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        long? length = null;
        BigInteger? start = null, stop = null, step = null;
        if (reader.Object(input, "", "length", "start", "stop", "step"))
        {
            if (reader.Require(input, "length", "length"))
            {
                length = reader.Int64(input, "length", "length", 0, MaxLength);
            }

            start = reader.Integer(input, "start", "start", MaxDigits);
            stop = reader.Integer(input, "stop", "stop", MaxDigits);
            step = reader.Integer(input, "step", "step", MaxDigits);
        }

        problems = reader.Problems;
        if (reader.HasProblems || length is not { } n)
        {
            return null;
        }

        var canonical = new JsonObject
        {
            ["length"] = n,
            ["start"] = start is { } a ? new PyInteger(a).ToJsonNode() : null,
            ["stop"] = stop is { } b ? new PyInteger(b).ToJsonNode() : null,
            ["step"] = step is { } c ? new PyInteger(c).ToJsonNode() : null,
        };
        return new SlicingRun(canonical, version, n, start, stop, step);
    }
}
