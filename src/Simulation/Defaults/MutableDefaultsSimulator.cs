using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Defaults;

/// <summary>
/// <c>mutable-defaults</c>: defs whose defaults are evaluated once, then a sequence of calls. The trace shows each
/// call binding the very same default object and mutating it, next to whatever else the source defines (the
/// <c>None</c>-sentinel version side by side).
/// </summary>
public sealed class MutableDefaultsSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxCalls = 32;
    public const int MaxCallLength = 500;
    public const int MaxItems = 10_000;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "mutable-defaults",
        Title: "Mutable default arguments: one object for every call",
        Summary: "Runs the source's defs (their defaults are evaluated once, into __defaults__ and __kwdefaults__) "
            + "and then each call: binding puts the same default object into every call that omits the argument, "
            + "so mutating it shows in later calls; a None sentinel creates a fresh object each time. The result "
            + "gives each call's return value or exception and the defaults after it. Bodies may use assignments, "
            + "augmented assignments, if/else, return, list append/extend/insert/pop/clear/copy, dict "
            + "setdefault/get/clear/copy, subscripts, len(), list(), dict(), comparisons and + on ints, strings, "
            + "lists and tuples. " + PythonSyntax.Subset,
        Topics: ["language-mutable-defaults"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "mutable-defaults input",
              "description": "Function definitions, then calls run one after the other.",
              "type": "object",
              "required": ["source", "calls"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Python source made of def statements.", "type": "string", "maxLength": 4000 },
                "calls": { "description": "Calls such as \"append_to(1)\", run in order; each may return or raise.", "type": "array", "maxItems": 32, "items": { "type": "string", "maxLength": 500 } }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("calls", MaxCalls, "Most calls."),
            new InputLimit("callLength", MaxCallLength, "Longest call, in characters."),
            new InputLimit("items", MaxItems, "Most list, tuple and dict items the program may create in all."),
        ],
        Examples:
        [
            new JsonObject
            {
                ["source"] = "def append_to(item, target=[]):\n    target.append(item)\n    return target\n\n"
                    + "def append_fresh(item, target=None):\n    if target is None:\n        target = []\n    target.append(item)\n    return target\n",
                ["calls"] = new JsonArray("append_to(1)", "append_to(2)", "append_fresh(1)", "append_fresh(2)", "append_to(3, [])"),
            },
            new JsonObject
            {
                ["source"] = "def count(word, seen={}):\n    seen[word] = seen.get(word, 0) + 1\n    return seen\n",
                ["calls"] = new JsonArray("count('a')", "count('b')", "count('a')"),
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null;
        var callTexts = new List<string>();
        if (reader.Object(input, "", "source", "calls"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);

            if (reader.Require(input, "calls", "calls") && reader.Array(input, "calls", "calls", MaxCalls) is { } array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var field = InputReader.Item("calls", i);
                    if (array[i].ValueKind != JsonValueKind.String)
                    {
                        reader.Report(field, "must be a string such as \"f(1)\".");
                    }
                    else if (array[i].GetString()!.Length > MaxCallLength)
                    {
                        reader.Report(field, $"is longer than {MaxCallLength} characters.", MaxCallLength);
                    }
                    else
                    {
                        callTexts.Add(array[i].GetString()!);
                    }
                }
            }
        }

        var module = source is null ? null : ReadModule(reader, source);
        var calls = new List<(string, AstNode)>();
        if (module is not null)
        {
            var names = module.Nodes("body").Select(d => d!.Identifier("name")!).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < callTexts.Count; i++)
            {
                if (ReadCall(reader, InputReader.Item("calls", i), callTexts[i], names) is { } call)
                {
                    calls.Add((callTexts[i], call));
                }
            }
        }

        if (reader.HasProblems || module is null || source is null)
        {
            problems = reader.Problems;
            return null;
        }

        var canonical = new JsonObject { ["source"] = source, ["calls"] = new JsonArray([.. callTexts.Select(c => (JsonNode)c)]) };
        var run = new MutableDefaultsRun(canonical, version, source, module, calls, MaxItems);
        try
        {
            // A dry run: code outside the modelled subset is only found by running it.
            run.Execute();
        }
        catch (NotModelled notModelled)
        {
            reader.Report("source", $"{notModelled.Message} is not supported by Pynsights yet.");
            problems = reader.Problems;
            return null;
        }

        problems = reader.Problems;
        return run;
    }

    private static AstNode? ReadModule(InputReader reader, string source)
    {
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        foreach (var node in parsed.Module!.Nodes("body"))
        {
            var line = node!.Span!.Value.Line;
            if (node.Type != "FunctionDef" || node.Nodes("decorator_list").Count > 0 || node.OptionalNode("returns") is not null)
            {
                reader.Report("source", $"line {line}: only def statements without decorators or return annotations are supported yet.");
                return null;
            }

            var args = node.Node("args");
            var parameters = args.Nodes("posonlyargs").Concat(args.Nodes("args")).Concat(args.Nodes("kwonlyargs")).ToList();
            if (args.OptionalNode("vararg") is not null || args.OptionalNode("kwarg") is not null
                || parameters.Any(p => p!.OptionalNode("annotation") is not null))
            {
                reader.Report("source", $"line {line}: *args, **kwargs and annotations are not supported in this simulator yet.");
                return null;
            }

            var names = parameters.Select(p => p!.Identifier("arg")).ToList();
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                reader.Report("source", $"line {line}: SyntaxError: duplicate argument in function definition.");
                return null;
            }
        }

        return parsed.Module;
    }

    private static AstNode? ReadCall(InputReader reader, string field, string text, HashSet<string> functions)
    {
        var parsed = PythonSyntax.Parse(text);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report(field, $"{diagnostic.Type}: {diagnostic.Message} (column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        var body = parsed.Module!.Nodes("body");
        if (body.Count != 1 || body[0]!.Type != "Expr" || body[0]!.Node("value") is not { Type: "Call" } call
            || call.Node("func") is not { Type: "Name" } func || !functions.Contains(func.Identifier("id")!))
        {
            reader.Report(field, "must be one call of a function the source defines, such as f(1).");
            return null;
        }

        if (call.Nodes("args").Any(a => a!.Type == "Starred") || call.Nodes("keywords").Any(k => k!.Identifier("arg") is null))
        {
            reader.Report(field, "* and ** arguments are not supported in this simulator yet (see call-binding).");
            return null;
        }

        var keywords = call.Nodes("keywords").Select(k => k!.Identifier("arg")).ToList();
        if (keywords.Distinct(StringComparer.Ordinal).Count() != keywords.Count)
        {
            reader.Report(field, "SyntaxError: keyword argument repeated.");
            return null;
        }

        return call;
    }
}
