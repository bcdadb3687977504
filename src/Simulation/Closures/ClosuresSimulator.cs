using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// <c>closures</c>: nested defs and lambdas analysed as CPython's symbol table and compiler do: which names are
/// local, which live in cells because an inner function uses them, which are free in the inner function, which
/// are global, and the SyntaxErrors for misplaced global/nonlocal; then the module is run, so closures, late
/// binding, nonlocal counters, decorator order and functools.wraps show as CPython's objects would.
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
            + "as a loop variable kept in a cell. Then the module runs: each function object with its __closure__ "
            + "cells (which functions share which cell, and each store into a shared cell), every call's return "
            + "value and its cells after it, decorators evaluated top to bottom then applied bottom to top, and "
            + "functools.wraps/update_wrapper copying WRAPPER_ASSIGNMENTS (with __type_params__ from 3.12), the "
            + "__dict__ and __wrapped__. The result adds printed output, globals, function objects (name, qualname, "
            + "doc, module, __dict__, closure cells), calls, decorator events and any uncaught exception, reprs "
            + "without addresses. The source uses defs (decorators, defaults, *args, **kwargs), lambdas, "
            + "assignments, for/while/if, return, global, nonlocal and import functools; values are ints, bools, "
            + "None, strs, lists, tuples and range; print, len, repr; attributes __name__, __qualname__, __doc__, "
            + "__module__, __dict__, __closure__, __defaults__, __wrapped__ and cell_contents. The run stops with an "
            + "input problem after 10000 statements and calls. The run is modelled for 3.10 to 3.13 (for 3.14 the "
            + "result's run is null). Not yet: classes, comprehensions, annotations, "
            + "try/raise, f-strings, floats, dicts written in the source, other modules.",
        Topics: ["language-decorators-closures"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 2,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "closures input",
              "description": "Python source with nested functions.",
              "type": "object",
              "required": ["source"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Module source: defs, lambdas, decorators, assignments, loops, calls, print, global, nonlocal and import functools; it is run.", "type": "string", "maxLength": 4000 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("runSteps", Evaluator.MaxTicks, "Statements executed plus calls made when the module runs; an endless loop stops here."),
            new InputLimit("callDepth", Evaluator.MaxDepth, "Deepest nesting of calls."),
            new InputLimit("runSize", Evaluator.MaxSize, "List and tuple items, str characters and int bits built in all."),
        ],
        Examples:
        [
            new JsonObject { ["source"] = "def counter():\n    count = 0\n    def increment():\n        nonlocal count\n        count += 1\n        return count\n    return increment\n\nc = counter()\nfirst = c()\nsecond = c()\n" },
            new JsonObject { ["source"] = "def make():\n    fns = []\n    for i in range(3):\n        fns.append(lambda: i)\n    return fns\n\nlate = []\nfor f in make():\n    late.append(f())\n\ndef make_fixed():\n    fns = []\n    for i in range(3):\n        fns.append(lambda i=i: i)\n    return fns\n\nfixed = []\nfor f in make_fixed():\n    fixed.append(f())\n" },
            new JsonObject { ["source"] = "import functools\n\ndef deco(fn):\n    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\ndef plain(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\n@deco\ndef add(a, b):\n    \"Add two numbers.\"\n    return a + b\n\n@plain\ndef sub(a, b):\n    return a - b\n\nprint(add.__name__, add.__qualname__, add.__doc__, add(2, 3))\nprint(sub.__name__, sub.__qualname__)\n" },
            new JsonObject { ["source"] = "def tag(name):\n    print('evaluate', name)\n    def deco(fn):\n        print('apply', name)\n        return fn\n    return deco\n\n@tag('a')\n@tag('b')\ndef f():\n    pass\n" },
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
            var parsed = PythonSyntax.Parse(source, SyntaxExtensions.Imports);
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

        ClosuresRun? run = null;
        if (module is not null)
        {
            try
            {
                run = new ClosuresRun(new JsonObject { ["source"] = source }, version, source!, module);
            }
            catch (NotSupported notSupported)
            {
                reader.Report("source", $"{notSupported.Message} is not supported by Pynsights yet in this simulator.");
            }
        }

        problems = reader.Problems;
        return run;
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
