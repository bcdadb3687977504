using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// <c>pattern-matching</c>: a <c>match</c> statement on a name (after optional class statements) and the value that
/// name holds; each case is tried sub-pattern by sub-pattern; the result is the case that matched and the names it
/// bound, or CPython's error.
/// </summary>
public sealed class PatternMatchingSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxSubjectLength = 2000;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "pattern-matching",
        Title: "Structural pattern matching: each case tried",
        Summary: "Runs a match statement against a subject value: the compiler's checks (irrefutable cases only last "
            + "or guarded, one star per sequence, no duplicate keys, no name bound twice, no attribute named twice in "
            + "a class pattern, the same names in every alternative), then each case in order: literal, singleton, "
            + "capture and wildcard patterns, dotted value patterns (Color.RED, compared with ==), sequences with "
            + "length checks and *rest, mappings with key checks and **rest, class patterns (isinstance along the "
            + "MRO, __match_args__ for positional sub-patterns, each attribute fetched, a missing one failing the "
            + "match, CPython's TypeErrors; builtins such as int(x) match themselves), | alternatives, as, and guards "
            + "(comparisons, and/or/not, len, attributes). The source may start with class statements: bases are "
            + "classes of the source or object (MRO by the C3 merge), bodies hold constant attributes "
            + "(__match_args__ included), annotations, defs that are never run, and an __init__ that assigns "
            + "parameters or constants to self attributes and may call super().__init__(...); decorators (@dataclass "
            + "included), other special methods, __slots__ and metaclasses are not supported yet. The subject is a "
            + "literal value (numbers, strings, bytes, None, booleans, tuples, lists, dicts) that may call those "
            + "classes with literal arguments, e.g. [Point(1, 2), Point(3, 4)]; instances print as "
            + "<__main__.Point object at 0x...>. The result is the index of the case that matched and its "
            + "bindings, or CPython's exception. Case bodies are not run.",
        Topics: ["sequences-pattern-matching"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 2,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "pattern-matching input",
              "description": "Class statements (optional) then a match statement on a name, and the value of that name.",
              "type": "object",
              "required": ["source", "subject"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Class statements (optional) followed by one match statement whose subject is a name, e.g. \"match point:\\n    case (0, 0):\\n        pass\".", "type": "string", "maxLength": 4000 },
                "subject": { "description": "The value the name holds, as a Python literal that may call the source's classes, e.g. \"(1, 2)\", \"{'x': 1}\" or \"Point(1, 2)\".", "type": "string", "maxLength": 2000 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest match statement, in characters."),
            new InputLimit("subjectLength", MaxSubjectLength, "Longest subject, in characters."),
            new InputLimit("classes", ClassReader.MaxClasses, "Most class statements before the match statement."),
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
            new JsonObject
            {
                ["source"] = "class Point:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\n"
                    + "class Point3D(Point):\n    def __init__(self, x, y, z=0):\n        super().__init__(x, y)\n        self.z = z\n\n"
                    + "class Color:\n    RED = 1\n\n"
                    + "match shape:\n    case Point(0, 0):\n        pass\n    case Point3D(x, y, z=Color.RED):\n        pass\n    case Point(x=0, y=y):\n        pass\n",
                ["subject"] = "Point3D(2, 3, 1)",
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
