using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

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
        List<AstNode> classDefs = [];
        if (source is not null)
        {
            var parsed = PythonSyntax.Parse(source);
            if (parsed.Diagnostic is { } diagnostic)
            {
                reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            }
            else
            {
                var body = parsed.Module!.Nodes("body").Select(n => n!).ToList();
                var before = body.SkipLast(1).ToList();
                if (body.Count == 0 || body[^1] is not { Type: "Match" } statement || statement.Node("subject").Type != "Name"
                    || before.Any(n => n.Type != "ClassDef"))
                {
                    reader.Report("source", "must be class statements (optional) followed by one match statement whose subject is a name, such as match x:.");
                }
                else if (ClassReader.Check(before, version) is { } problem)
                {
                    reader.Report("source", problem);
                }
                else
                {
                    match = statement;
                    classDefs = before;
                }
            }
        }

        var subject = subjectText is null ? null : ReadSubject(reader, subjectText);
        if (reader.HasProblems || match is null || subject is null)
        {
            problems = reader.Problems;
            return null;
        }

        var canonical = new JsonObject { ["source"] = source, ["subject"] = subjectText };
        var run = new PatternMatchingRun(canonical, version, source!, match.Node("subject").Identifier("id")!, subject, subjectText!, classDefs, match.Nodes("cases"));
        try
        {
            // A dry run: values, patterns and guards outside the modelled subset are only met while running.
            run.Execute();
        }
        catch (NotModelled notModelled)
        {
            reader.Report("source", $"{notModelled.Message} are not supported by Pynsights yet.");
        }
        catch (BadInput bad)
        {
            reader.Report(bad.Field, bad.Message);
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : run;
    }

    /// <summary>The subject's expression; it is evaluated by the run, once the source's classes exist.</summary>
    private static AstNode? ReadSubject(InputReader reader, string text)
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

        return statement.Node("value");
    }
}
