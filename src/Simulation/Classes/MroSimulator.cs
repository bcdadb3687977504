using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Classes;

/// <summary>
/// <c>mro</c>: class statements run in order, each created as type_new does (best base and layout checks, then the
/// C3 linearisation), and the target's <c>__mro__</c> or CPython's exact exception.
/// </summary>
public sealed class MroSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxClasses = 24;
    public const int MaxBases = 8;
    public const int MaxNameLength = 100;

    /// <summary>Class-body names that would change how the class is created; not modelled yet.</summary>
    private static readonly HashSet<string> CreationHooks = ["__slots__", "__init_subclass__", "__mro_entries__", "mro", "__class_getitem__", "__set_name__"];

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "mro",
        Title: "Method resolution order: the C3 merge",
        Summary: "Runs the source's class statements: for each, the bases are looked up, best_base checks that the "
            + "bases may be subclassed and that their instance layouts agree (builtins such as int, str, list, dict, "
            + "tuple and the exceptions have their own), and the MRO is computed by the C3 merge, step by step with "
            + "each head taken or rejected; the result is the target's __mro__ or CPython's exact TypeError. The "
            + "source holds class statements only: bases are names, bodies are pass, docstrings, plain defs and "
            + "constant attributes (no metaclass, __slots__ or __init_subclass__ yet).",
        Topics: ["language-dunder-methods"],
        // 3.14 follows 3.13's Objects/typeobject.c (managed dicts, one-line MRO message); no 3.14 interpreter or
        // source was at hand to check it line by line, so its steps carry no source links.
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "mro input",
              "description": "Class statements, and the class whose MRO to show.",
              "type": "object",
              "required": ["source", "target"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Python source made of class statements, e.g. \"class A: pass\\nclass B(A): pass\".", "type": "string", "maxLength": 4000 },
                "target": { "description": "The class whose __mro__ the result gives: a class of the source or a builtin class.", "type": "string", "maxLength": 100 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("classes", MaxClasses, "Most class statements in the source."),
            new InputLimit("bases", MaxBases, "Most bases in one class statement."),
            new InputLimit("targetLength", MaxNameLength, "Longest target name."),
        ],
        Examples:
        [
            new JsonObject { ["source"] = "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n", ["target"] = "D" },
            new JsonObject { ["source"] = "class A: pass\nclass B(A): pass\nclass C(A, B): pass\n", ["target"] = "C" },
            new JsonObject { ["source"] = "class Mixin: pass\nclass MyDict(Mixin, dict): pass\n", ["target"] = "MyDict" },
            new JsonObject { ["source"] = "class C(int, str): pass\n", ["target"] = "C" },
            new JsonObject { ["source"] = "class MyError(KeyError, IndexError): pass\n", ["target"] = "MyError" },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null, target = null;
        if (reader.Object(input, "", "source", "target"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
            target = reader.RequiredString(input, "target", MaxNameLength);
        }

        var statements = source is null ? null : ReadStatements(reader, source, version);
        if (statements is not null && target is not null
            && !statements.Any(s => s.Name == target) && !BuiltinTypes.Create().ContainsKey(target))
        {
            reader.Report("target", $"'{target}' is neither a class of the source nor a builtin class we model.");
        }

        problems = reader.Problems;
        if (reader.HasProblems || statements is null || target is null)
        {
            return null;
        }

        return new MroRun(new JsonObject { ["source"] = source, ["target"] = target }, version, statements, target);
    }

    private static List<ClassStatement>? ReadStatements(InputReader reader, string source, PythonVersion version)
    {
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        var statements = new List<ClassStatement>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in parsed.Module!.Nodes("body"))
        {
            var line = node!.Span!.Value.Line;
            if (node.Type != "ClassDef")
            {
                return Unsupported(reader, $"line {line}: only class statements are supported in the source yet.");
            }

            var name = node.Identifier("name")!;
            if (node.Nodes("decorator_list").Count > 0 || node.Nodes("keywords").Count > 0)
            {
                return Unsupported(reader, $"line {line}: class decorators and keywords (metaclass=...) are not supported by Pynsights yet.");
            }

            var bases = new List<string>();
            foreach (var @base in node.Nodes("bases"))
            {
                if (@base!.Type != "Name")
                {
                    return Unsupported(reader, $"line {line}: bases must be class names.");
                }

                var baseName = @base.Identifier("id")!;
                if (!defined.Contains(baseName) && BuiltinTypes.IsUnmodelled(baseName, version))
                {
                    return Unsupported(reader, $"line {line}: the builtin '{baseName}' is not supported as a base by Pynsights yet.");
                }

                bases.Add(baseName);
            }

            if (bases.Count > MaxBases)
            {
                reader.Report("source", $"line {line}: class {name} has {bases.Count} bases; the limit is {MaxBases}.", MaxBases);
                return null;
            }

            if (BodyProblem(node) is { } problem)
            {
                return Unsupported(reader, $"line {line}: {problem}");
            }

            statements.Add(new ClassStatement(name, bases, line));
            defined.Add(name);
        }

        if (statements.Count > MaxClasses)
        {
            reader.Report("source", $"has {statements.Count} class statements; the limit is {MaxClasses}.", MaxClasses);
            return null;
        }

        return statements;
    }

    private static List<ClassStatement>? Unsupported(InputReader reader, string message)
    {
        reader.Report("source", message);
        return null;
    }

    /// <summary>
    /// A class body runs before the class is created, and some names in it change creation. Only bodies whose
    /// execution cannot raise and that define none of those hooks are accepted.
    /// </summary>
    private static string? BodyProblem(AstNode classDef)
    {
        foreach (var statement in classDef.Nodes("body"))
        {
            switch (statement!.Type)
            {
                case "Pass":
                    continue;
                case "Expr" when statement.Node("value").Type == "Constant":
                    continue;
                case "Assign" when statement.Nodes("targets").All(t => t!.Type == "Name" && !IsHook(t.Identifier("id")!))
                                   && statement.Node("value").Type == "Constant":
                    continue;
                case "FunctionDef" when !IsHook(statement.Identifier("name")!) && statement.Nodes("decorator_list").Count == 0
                                        && IsPlainSignature(statement.Node("args")) && statement.OptionalNode("returns") is null:
                    continue;
                default:
                    return "class bodies may hold pass, docstrings, constant attributes and plain defs (no decorators, defaults, annotations, __slots__ or creation hooks) for now.";
            }
        }

        return null;
    }

    private static bool IsHook(string name) => CreationHooks.Contains(name) || (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && name is not ("__init__" or "__repr__" or "__str__" or "__eq__" or "__hash__" or "__len__" or "__iter__" or "__getattr__" or "__call__" or "__add__" or "__doc__"));

    private static bool IsPlainSignature(AstNode arguments) =>
        arguments.Nodes("defaults").Count == 0 && arguments.Nodes("kw_defaults").All(d => d is null)
        && arguments.Nodes("posonlyargs").Concat(arguments.Nodes("args")).Concat(arguments.Nodes("kwonlyargs"))
            .Append(arguments.OptionalNode("vararg")).Append(arguments.OptionalNode("kwarg"))
            .All(a => a?.OptionalNode("annotation") is null);
}
