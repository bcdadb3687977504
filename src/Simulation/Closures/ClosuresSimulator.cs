using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// <c>closures</c>: nested defs and lambdas analysed as CPython's symbol table and compiler do: which names are
/// local, which live in cells because an inner function uses them, which are free in the inner function, which
/// are global, and the SyntaxErrors for misplaced global/nonlocal.
/// </summary>
public sealed class ClosuresSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "closures",
        Title: "Closures: cells and free variables",
        Summary: "Analyses nested defs and lambdas as Python/symtable.c and compile.c do: each block's names get a "
            + "scope (local, cell, free, global), a local that an inner function uses becomes a cell, the inner "
            + "function lists it in co_freevars, nonlocal and global are checked with CPython's exact SyntaxErrors; "
            + "the result lists every code object's co_varnames, co_cellvars and co_freevars. Late binding shows "
            + "as a loop variable kept in a cell. The source uses defs (decorators, defaults, *args, **kwargs), "
            + "lambdas, assignments, for/while/if, return, global and nonlocal; not yet: classes, comprehensions, "
            + "annotations, and running the code.",
        Topics: ["language-decorators-closures"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "closures input",
              "description": "Python source with nested functions.",
              "type": "object",
              "required": ["source"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Module source: defs, lambdas, assignments, loops, global and nonlocal.", "type": "string", "maxLength": 4000 }
              }
            }
            """)!,
        Limits: [new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters.")],
        Examples:
        [
            new JsonObject { ["source"] = "def counter():\n    count = 0\n    def increment():\n        nonlocal count\n        count += 1\n        return count\n    return increment\n" },
            new JsonObject { ["source"] = "def make():\n    fns = []\n    for i in range(3):\n        fns.append(lambda: i)\n    return fns\n" },
            new JsonObject { ["source"] = "def deco(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\n@deco\ndef add(a, b):\n    return a + b\n" },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null;
        if (reader.Object(input, "", "source"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
        }

        AstNode? module = null;
        if (source is not null)
        {
            var parsed = PythonSyntax.Parse(source);
            if (parsed.Diagnostic is { } diagnostic)
            {
                reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            }
            else if (Unsupported(parsed.Module!) is { } what)
            {
                reader.Report("source", $"{what} {(what.EndsWith('s') ? "are" : "is")} not supported by Pynsights yet in this simulator.");
            }
            else
            {
                module = parsed.Module;
            }
        }

        problems = reader.Problems;
        return module is null ? null : new ClosuresRun(new JsonObject { ["source"] = source }, version, module);
    }

    /// <summary>Constructs whose scoping we do not model yet: classes, comprehensions, match, annotations.</summary>
    private static string? Unsupported(AstNode node)
    {
        switch (node.Type)
        {
            case "ClassDef":
                return "classes";
            case "ListComp" or "SetComp" or "DictComp" or "GeneratorExp":
                return "comprehensions";
            case "Match":
                return "match statements";
            case "AnnAssign":
                return "annotated assignments";
            case "arg" when node.OptionalNode("annotation") is not null:
                return "annotations";
            case "FunctionDef" when node.OptionalNode("returns") is not null:
                return "annotations";
        }

        foreach (var field in node.Fields)
        {
            switch (field.Value)
            {
                case AstNode child when Unsupported(child) is { } what:
                    return what;
                case IReadOnlyList<AstNode?> children:
                    foreach (var child in children)
                    {
                        if (child is not null && Unsupported(child) is { } what)
                        {
                            return what;
                        }
                    }

                    break;
            }
        }

        return null;
    }
}
