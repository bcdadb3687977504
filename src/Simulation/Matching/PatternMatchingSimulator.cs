using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// <c>pattern-matching</c>: a <c>match</c> statement on a name and the value that name holds; each case is tried
/// sub-pattern by sub-pattern; the result is the case that matched and the names it bound, or CPython's error.
/// </summary>
public sealed class PatternMatchingSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxSubjectLength = 2000;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "pattern-matching",
        Title: "Structural pattern matching: each case tried",
        Summary: "Runs a match statement against a subject value: the compiler's checks (irrefutable cases only last "
            + "or guarded, one star per sequence, no duplicate keys, no name bound twice, the same names in every "
            + "alternative), then each case in order: literal, singleton, capture and wildcard patterns, sequences "
            + "with length checks and *rest, mappings with key checks and **rest, builtin class patterns "
            + "(int(x), str(), list([*items]), ...), | alternatives, as, and guards (comparisons, and/or/not, len). "
            + "The result is the index of the case that matched and its bindings, or CPython's SyntaxError or "
            + "TypeError. Case bodies are not run. The subject is a literal value (numbers, strings, bytes, None, "
            + "booleans, tuples, lists, dicts).",
        Topics: ["sequences-pattern-matching"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "pattern-matching input",
              "description": "A match statement on a name, and the value of that name.",
              "type": "object",
              "required": ["source", "subject"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "One match statement whose subject is a name, e.g. \"match point:\\n    case (0, 0):\\n        pass\".", "type": "string", "maxLength": 4000 },
                "subject": { "description": "The value the name holds, as a Python literal, e.g. \"(1, 2)\" or \"{'x': 1}\".", "type": "string", "maxLength": 2000 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest match statement, in characters."),
            new InputLimit("subjectLength", MaxSubjectLength, "Longest subject, in characters."),
        ],
        Examples:
        [
            new JsonObject
            {
                ["source"] = "match point:\n    case (0, 0):\n        pass\n    case (0, y):\n        pass\n    case (x, 0) if x > 0:\n        pass\n    case [x, *rest]:\n        pass\n",
                ["subject"] = "(3, 0)",
            },
            new JsonObject
            {
                ["source"] = "match event:\n    case {'type': 'click', 'pos': (x, y)}:\n        pass\n    case {'type': str() as kind, **rest}:\n        pass\n",
                ["subject"] = "{'type': 'key', 'code': 13}",
            },
            new JsonObject
            {
                ["source"] = "match value:\n    case True:\n        pass\n    case 1:\n        pass\n    case int(n) | float(n):\n        pass\n",
                ["subject"] = "1.0",
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null, subjectText = null;
        if (reader.Object(input, "", "source", "subject"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
            subjectText = reader.RequiredString(input, "subject", MaxSubjectLength);
        }

        AstNode? match = null;
        if (source is not null)
        {
            var parsed = PythonSyntax.Parse(source);
            if (parsed.Diagnostic is { } diagnostic)
            {
                reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            }
            else if (parsed.Module!.Nodes("body") is not [{ Type: "Match" } statement] || statement.Node("subject").Type != "Name")
            {
                reader.Report("source", "must be one match statement whose subject is a name, such as match x:.");
            }
            else
            {
                match = statement;
            }
        }

        var subject = subjectText is null ? null : ReadSubject(reader, subjectText, new PyHasher(version, 0));
        if (reader.HasProblems || match is null || subject is null)
        {
            problems = reader.Problems;
            return null;
        }

        var canonical = new JsonObject { ["source"] = source, ["subject"] = subjectText };
        var run = new PatternMatchingRun(canonical, version, source!, match.Node("subject").Identifier("id")!, subject, match.Nodes("cases"));
        try
        {
            // A dry run: patterns and guards outside the modelled subset are only met while matching.
            run.Execute();
        }
        catch (NotModelled notModelled)
        {
            reader.Report("source", $"{notModelled.Message} are not supported by Pynsights yet.");
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : run;
    }

    private static Subject? ReadSubject(InputReader reader, string text, PyHasher hasher)
    {
        var parsed = PythonSyntax.Parse(text);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("subject", $"{diagnostic.Type}: {diagnostic.Message} (column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        if (parsed.Module!.Nodes("body") is not [{ Type: "Expr" } statement])
        {
            reader.Report("subject", "must be one value, such as (1, 2).");
            return null;
        }

        string? problem = null;
        var subject = Build(statement.Node("value"));
        if (problem is not null)
        {
            reader.Report("subject", problem);
            return null;
        }

        return subject;

        Subject? Build(AstNode node)
        {
            switch (node.Type)
            {
                case "Tuple" or "List":
                {
                    var items = new List<Subject>();
                    foreach (var element in node.Nodes("elts"))
                    {
                        if (Build(element!) is not { } item)
                        {
                            return null;
                        }

                        items.Add(item);
                    }

                    PyValue value = node.Type == "Tuple"
                        ? new PyTuple([.. items.Select(i => i.Value)])
                        : new PyUnhashable("list", "[" + string.Join(", ", items.Select(i => i.Repr())) + "]");
                    return new Subject(value, items, null);
                }

                case "Dict":
                {
                    var entries = new List<(Subject Key, Subject Value)>();
                    var keys = node.Nodes("keys");
                    var values = node.Nodes("values");
                    for (var i = 0; i < keys.Count; i++)
                    {
                        if (keys[i] is null || Build(keys[i]!) is not { } key || Build(values[i]!) is not { } value)
                        {
                            problem ??= "dict displays with ** are not supported in the subject yet.";
                            return null;
                        }

                        if (!key.Value.IsHashable)
                        {
                            problem ??= $"the dict key {key.Repr()} is unhashable (TypeError: unhashable type: '{key.TypeName}').";
                            return null;
                        }

                        var existing = entries.FindIndex(e => PyEquality.Equal(e.Key.Value, key.Value));
                        if (existing >= 0)
                        {
                            entries[existing] = (entries[existing].Key, value);
                        }
                        else
                        {
                            entries.Add((key, value));
                        }
                    }

                    var repr = "{" + string.Join(", ", entries.Select(e => $"{e.Key.Repr()}: {e.Value.Repr()}")) + "}";
                    return new Subject(new PyUnhashable("dict", repr), null, entries);
                }

                case "Constant" or "UnaryOp" or "BinOp" or "Call":
                {
                    var parsedValue = ValueParser.Parse(SourceText.Segment(text, node.Span!.Value), hasher);
                    if (parsedValue.Value is null)
                    {
                        problem ??= parsedValue.Diagnostic?.Message ?? $"evaluating the subject raises {parsedValue.Error!.Type}: {parsedValue.Error.Message}";
                        return null;
                    }

                    return Subject.Of(parsedValue.Value);
                }

                default:
                    problem ??= $"{node.Type} expressions are not supported in the subject; write a literal value.";
                    return null;
            }
        }
    }
}
