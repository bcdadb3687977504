using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Calls;

/// <summary>
/// <c>call-binding</c>: <c>def f&lt;parameters&gt;</c> called as <c>f(&lt;arguments&gt;)</c>. The trace follows the call
/// site (<c>*</c> unpacking, <c>**</c> merging) and then CPython's binding of arguments to the frame's slots; the
/// result is the frame's locals or CPython's exact exception.
/// </summary>
public sealed class CallBindingSimulator : ISimulator
{
    public const int MaxTextLength = 2000;
    public const int MaxParameters = 64;
    public const int MaxArguments = 256;

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "call-binding",
        Title: "Binding call arguments to parameters",
        Summary: "Defines def f<parameters> and calls f(<arguments>): the call site unpacks * and merges **, then "
            + "CPython fills the frame's slots (positional arguments, *args overflow, keywords, positional-only names "
            + "in **kwargs, defaults, keyword-only defaults) and checks for missing, duplicate and unexpected "
            + "arguments; the result is the function's locals, or CPython's exact TypeError. Arguments and defaults "
            + "are literal values (numbers, strings, bytes, None, True, False, tuples, lists, dicts). "
            + PythonSyntax.Subset,
        Topics: ["language-parameters"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "call-binding input",
              "description": "def f<parameters>: ... then f(<arguments>).",
              "type": "object",
              "required": ["parameters", "arguments"],
              "additionalProperties": false,
              "properties": {
                "parameters": { "description": "The parameter list as written after def f, e.g. \"(a, b=2, /, c, *args, d, **kw)\"; the parentheses may be left out.", "type": "string", "maxLength": 2000 },
                "arguments": { "description": "The call's arguments as written inside f(...), e.g. \"1, 2, d=4\": literals, *iterable, name=value and **mapping.", "type": "string", "maxLength": 2000 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("parametersLength", MaxTextLength, "Longest parameters text, in characters."),
            new InputLimit("argumentsLength", MaxTextLength, "Longest arguments text, in characters."),
            new InputLimit("parameters", MaxParameters, "Most parameters in the signature."),
            new InputLimit("arguments", MaxArguments, "Most arguments after * and ** are unpacked."),
        ],
        Examples:
        [
            new JsonObject { ["parameters"] = "(a, b=2, /, c=3, *args, d, **kw)", ["arguments"] = "1, 2, d=4" },
            new JsonObject { ["parameters"] = "(a, b=2, /, c=3, *args, d, **kw)", ["arguments"] = "1, 2, 3, 4, 5, d=6, b=7" },
            new JsonObject { ["parameters"] = "(a, b, /)", ["arguments"] = "a=1, b=2" },
            new JsonObject { ["parameters"] = "(a, b, c)", ["arguments"] = "1" },
            new JsonObject { ["parameters"] = "(x, *, verbose=False)", ["arguments"] = "1, 2, verbose=True" },
            new JsonObject { ["parameters"] = "(a, **kw)", ["arguments"] = "*[1], **{'a': 2}" },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? parameters = null, arguments = null;
        if (reader.Object(input, "", "parameters", "arguments"))
        {
            parameters = reader.RequiredString(input, "parameters", MaxTextLength);
            arguments = reader.RequiredString(input, "arguments", MaxTextLength);
        }

        if (reader.HasProblems || parameters is null || arguments is null)
        {
            problems = reader.Problems;
            return null;
        }

        var hasher = new PyHasher(version, 0);
        var signature = ReadSignature(reader, parameters, version, hasher, out var defError);
        var (items, callError) = signature is null || defError is not null ? ([], null) : ReadArguments(reader, arguments, hasher);
        problems = reader.Problems;
        if (reader.HasProblems || signature is null)
        {
            return null;
        }

        var canonical = new JsonObject { ["parameters"] = parameters, ["arguments"] = arguments };
        return new CallBindingRun(canonical, version, signature, items, defError ?? callError);
    }

    private static string Wrap(string parameters) => parameters.TrimStart().StartsWith('(') ? parameters : $"({parameters})";

    /// <summary>Parses <c>def f&lt;parameters&gt;: pass</c>; compile-time errors of the def come back in <paramref name="error"/>.</summary>
    private static FunctionSignature? ReadSignature(InputReader reader, string text, PythonVersion version, PyHasher hasher, out PythonError? error)
    {
        error = null;
        var wrapped = Wrap(text);
        var prefix = "def f";
        var source = $"{prefix}{wrapped}: pass\n";
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { Unsupported: false, Message: PythonSyntax.NonDefaultArgument })
        {
            // CPython raises this SyntaxError when the def is compiled; the learner sees it, so the trace does too.
            error = new PythonError("SyntaxError", version.AtLeast(12)
                ? "parameter without a default follows parameter with a default"
                : PythonSyntax.NonDefaultArgument);
            return new FunctionSignature([], [], [], null, null, [], new Dictionary<string, ArgumentValue>());
        }

        if (parsed.Diagnostic is { } diagnostic)
        {
            Report(reader, "parameters", diagnostic, prefix.Length + (wrapped.Length - text.Length));
            return null;
        }

        var statements = parsed.Module!.Nodes("body");
        if (statements.Count != 1 || statements[0]!.Type != "FunctionDef")
        {
            reader.Report("parameters", "must be one parameter list, such as (a, b=2, *args, **kw).");
            return null;
        }

        var args = statements[0]!.Node("args");
        static string Name(AstNode? arg) => arg!.Identifier("arg")!;
        var posonly = args.Nodes("posonlyargs").Select(Name).ToList();
        var plain = args.Nodes("args").Select(Name).ToList();
        var kwonly = args.Nodes("kwonlyargs").Select(Name).ToList();
        var vararg = args.OptionalNode("vararg") is { } v ? Name(v) : null;
        var kwarg = args.OptionalNode("kwarg") is { } k ? Name(k) : null;
        var all = posonly.Concat(plain).Concat(kwonly).Concat(vararg is null ? [] : [vararg]).Concat(kwarg is null ? [] : [kwarg]).ToList();
        if (all.Count > MaxParameters)
        {
            reader.Report("parameters", $"has {all.Count} parameters; the limit is {MaxParameters}.", MaxParameters);
            return null;
        }

        foreach (var arg in args.Nodes("posonlyargs").Concat(args.Nodes("args")).Concat(args.Nodes("kwonlyargs"))
                     .Append(args.OptionalNode("vararg")).Append(args.OptionalNode("kwarg")))
        {
            // Annotations never take part in binding, but evaluating one could raise before 3.14: only builtin
            // names and string annotations are accepted.
            if (arg?.OptionalNode("annotation") is { } annotation && !IsHarmlessAnnotation(annotation))
            {
                reader.Report("parameters", $"the annotation of '{Name(arg)}' is not supported by Pynsights yet; use a builtin type name such as int or a string.");
                return null;
            }
        }

        var evaluator = new ArgumentEvaluator(source, hasher);
        var defaults = new List<ArgumentValue>();
        foreach (var node in args.Nodes("defaults"))
        {
            if (Evaluate(reader, "parameters", evaluator, node!) is not { } value)
            {
                return null;
            }

            defaults.Add(value);
        }

        var kwDefaults = new Dictionary<string, ArgumentValue>(StringComparer.Ordinal);
        var kwDefaultNodes = args.Nodes("kw_defaults");
        for (var i = 0; i < kwonly.Count; i++)
        {
            if (kwDefaultNodes[i] is { } node)
            {
                if (Evaluate(reader, "parameters", evaluator, node) is not { } value)
                {
                    return null;
                }

                kwDefaults[kwonly[i]] = value;
            }
        }

        error ??= evaluator.Error;

        // Python/symtable.c: a name bound twice among the parameters is a SyntaxError when the def is compiled.
        var duplicate = all.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = new PythonError("SyntaxError", $"duplicate argument '{duplicate.Key}' in function definition");
        }

        return new FunctionSignature(posonly, plain, kwonly, vararg, kwarg, defaults, kwDefaults);
    }

    private static readonly HashSet<string> BuiltinTypeNames =
        ["int", "str", "float", "bool", "bytes", "complex", "list", "dict", "tuple", "set", "frozenset", "object", "type"];

    private static bool IsHarmlessAnnotation(AstNode annotation) => annotation.Type switch
    {
        "Name" => BuiltinTypeNames.Contains(annotation.Identifier("id")!),
        "Constant" => true,
        _ => false,
    };

    private static ArgumentValue? Evaluate(InputReader reader, string field, ArgumentEvaluator evaluator, AstNode node)
    {
        var value = evaluator.Evaluate(node);
        if (evaluator.Unsupported is { } what)
        {
            reader.Report(field, $"{what} is not supported by Pynsights yet (line {node.Span!.Value.Line}).");
            return null;
        }

        // An evaluation that raises leaves value null and evaluator.Error set; the caller reports the error.
        return value ?? new ArgumentValue(Values.PyNone.Instance, null, null);
    }

    private static (List<ArgumentItem> Items, PythonError? Error) ReadArguments(InputReader reader, string text, PyHasher hasher)
    {
        const string prefix = "f(";
        var source = $"{prefix}{text}\n)\n";
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            Report(reader, "arguments", diagnostic, prefix.Length);
            return ([], null);
        }

        var statements = parsed.Module!.Nodes("body");
        if (statements.Count != 1 || statements[0]!.Type != "Expr" || statements[0]!.Node("value") is not { Type: "Call" } call
            || call.Span!.Value.Column != 0 || call.Node("func") is not { Type: "Name" })
        {
            reader.Report("arguments", "must be the arguments of one call, such as 1, 2, d=4.");
            return ([], null);
        }

        var evaluator = new ArgumentEvaluator(source, hasher);
        var items = new List<(int Line, int Column, ArgumentItem Item)>();
        PythonError? error = null;

        // Python/compile.c validate_keywords: the same keyword twice is a SyntaxError when the call is compiled.
        var names = call.Nodes("keywords").Select(k => k!.Identifier("arg")).Where(n => n is not null).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        foreach (var node in call.Nodes("args"))
        {
            var starred = node!.Type == "Starred";
            var expression = starred ? node.Node("value") : node;
            if (expression.Type == "GeneratorExp")
            {
                reader.Report("arguments", "generator expressions are not supported by Pynsights yet.");
                return ([], null);
            }

            var value = Evaluate(reader, "arguments", evaluator, expression);
            if (value is null)
            {
                return ([], null);
            }

            if (starred && value.Items is null && value.TypeName is "frozenset" or "set")
            {
                reader.Report("arguments", "unpacking a frozenset with * is not supported by Pynsights yet (its order depends on hashing).");
                return ([], null);
            }

            items.Add((node.Span!.Value.Line, node.Span.Value.Column,
                new ArgumentItem(starred ? ArgumentKind.Star : ArgumentKind.Positional, null, value, SourceText.Segment(source, expression.Span!.Value))));
        }

        foreach (var node in call.Nodes("keywords"))
        {
            var name = node!.Identifier("arg");
            var expression = node.Node("value");
            var value = Evaluate(reader, "arguments", evaluator, expression);
            if (value is null)
            {
                return ([], null);
            }

            items.Add((node.Span!.Value.Line, node.Span.Value.Column,
                new ArgumentItem(name is null ? ArgumentKind.DoubleStar : ArgumentKind.Keyword, name, value, SourceText.Segment(source, expression.Span!.Value))));
        }

        error = evaluator.Error;
        if (repeated is not null)
        {
            error = new PythonError("SyntaxError", $"keyword argument repeated: {repeated.Key}");
        }

        var total = items.Sum(i => i.Item.Kind switch
        {
            ArgumentKind.Star => i.Item.Value.Items?.Count ?? 1,
            ArgumentKind.DoubleStar => i.Item.Value.Entries?.Count ?? 1,
            _ => 1,
        });
        if (total > MaxArguments)
        {
            reader.Report("arguments", $"has {total} arguments once unpacked; the limit is {MaxArguments}.", MaxArguments);
            return ([], null);
        }

        // Source order: CPython evaluates the arguments left to right whatever their kind.
        return ([.. items.OrderBy(i => i.Line).ThenBy(i => i.Column).Select(i => i.Item)], error);
    }

    private static void Report(InputReader reader, string field, SyntaxDiagnostic diagnostic, int prefixLength)
    {
        var column = diagnostic.Line == 1 ? Math.Max(1, diagnostic.Column - prefixLength) : diagnostic.Column;
        reader.Report(field, $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {column}).", null, column);
    }
}
