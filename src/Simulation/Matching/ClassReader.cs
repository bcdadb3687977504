using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// Checks that the class statements before the match statement stay inside the modelled subset, before anything
/// runs: bases are names (classes of the source or object), bodies hold pass, docstrings, constant attributes
/// (<c>__match_args__</c> included), annotations, plain defs (never run) and an <c>__init__</c> whose body assigns
/// parameters or constants to attributes of self and may call <c>super().__init__(...)</c>. Each problem names its
/// line; errors CPython would raise while running these statements are left to the run.
/// </summary>
internal static class ClassReader
{
    public const int MaxClasses = 16;

    private const string NotYet = "is not supported by Pynsights yet";

    /// <summary>The problem with <paramref name="classes"/>, or null when every statement is in the subset.</summary>
    public static string? Check(IReadOnlyList<AstNode> classes, PythonVersion version)
    {
        if (classes.Count > MaxClasses)
        {
            return $"has {classes.Count} class statements; the limit is {MaxClasses}.";
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in classes)
        {
            var line = node.Span!.Value.Line;
            var name = node.Identifier("name")!;
            if (Problem(node, defined, version) is { } problem)
            {
                return $"line {line}: {problem}";
            }

            if (!defined.Add(name))
            {
                return $"line {line}: class {name} is defined twice; give each class its own name.";
            }
        }

        return null;
    }

    private static string? Problem(AstNode node, HashSet<string> defined, PythonVersion version)
    {
        if (node.Nodes("decorator_list").Count > 0)
        {
            return "class decorators (@dataclass included) are not supported by Pynsights yet; write __match_args__ and __init__ by hand.";
        }

        if (node.Nodes("keywords").Count > 0)
        {
            return $"class keywords (metaclass=...) {NotYet}.";
        }

        foreach (var @base in node.Nodes("bases"))
        {
            if (@base is not { Type: "Name" } || @base.Identifier("id") is not { } baseName)
            {
                return "bases must be class names.";
            }

            if (baseName != "object" && !defined.Contains(baseName) && BuiltinClasses.IsBuiltinName(baseName, version))
            {
                return $"the builtin '{baseName}' as a base {NotYet}: bases are classes of the source or object.";
            }
        }

        foreach (var statement in node.Nodes("body"))
        {
            if (BodyProblem(statement!, defined, version) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary><c>pass</c> and docstrings (any constant expression statement): nothing happens.</summary>
    private static bool IsInert(AstNode statement) =>
        statement.Type == "Pass" || (statement.Type == "Expr" && statement.Node("value").Type == "Constant");

    private static string? BodyProblem(AstNode statement, HashSet<string> defined, PythonVersion version)
    {
        if (IsInert(statement))
        {
            return null;
        }

        switch (statement.Type)
        {
            case "Assign":
                foreach (var target in statement.Nodes("targets"))
                {
                    if (target is not { Type: "Name" })
                    {
                        return "class bodies may only assign to plain names.";
                    }

                    if (AttributeNameProblem(target.Identifier("id")!, allowMatchArgs: true) is { } problem)
                    {
                        return problem;
                    }
                }

                return IsLiteral(statement.Node("value")) ? null : "class attributes must be constants (numbers, strings, None, tuples, lists, dicts).";
            case "AnnAssign":
                if (statement.Node("target") is not { Type: "Name" } annotated)
                {
                    return "class bodies may only annotate plain names.";
                }

                return AttributeNameProblem(annotated.Identifier("id")!, true)
                    ?? AnnotationProblem(statement.Node("annotation"), defined, version)
                    ?? (statement.OptionalNode("value") is { } value && !IsLiteral(value) ? "class attributes must be constants (numbers, strings, None, tuples, lists, dicts)." : null);
            case "FunctionDef":
                var name = statement.Identifier("name")!;
                if (statement.Nodes("decorator_list").Count > 0)
                {
                    return $"decorated defs ({name}) {NotYet}.";
                }

                if (name == "__init__")
                {
                    return InitProblem(statement, defined, version);
                }

                return AttributeNameProblem(name, false) is { } defProblem
                    ? $"def {name}: {defProblem}"
                    : null;
            default:
                return $"class bodies may hold pass, docstrings, constant attributes, annotations and defs; this {statement.Type} statement {NotYet}.";
        }
    }

    /// <summary>Names whose meaning changes how the class or its instances behave, and private names (mangled).</summary>
    private static string? AttributeNameProblem(string name, bool allowMatchArgs)
    {
        var dunder = name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && name.Length > 4;
        if (dunder && !(allowMatchArgs && name == "__match_args__"))
        {
            return $"defining {name} in a class {NotYet} (only __match_args__ and __init__ are modelled).";
        }

        return !dunder && name.StartsWith("__", StringComparison.Ordinal)
            ? $"private names such as {name} (name mangling) {NotYet}."
            : null;
    }

    /// <summary>Annotations are evaluated when the class body or the def runs: a builtin or an earlier class, or a string.</summary>
    private static string? AnnotationProblem(AstNode? annotation, HashSet<string> defined, PythonVersion version) =>
        annotation switch
        {
            null => null,
            { Type: "Constant" } => null,
            { Type: "Name" } when annotation.Identifier("id") is { } n && (defined.Contains(n) || BuiltinClasses.IsBuiltinName(n, version)) => null,
            _ => $"annotations must be a builtin name, an earlier class of the source or a constant; '{annotation.Type}' annotations {NotYet}.",
        };

    private static string? InitProblem(AstNode def, HashSet<string> defined, PythonVersion version)
    {
        var arguments = def.Node("args");
        if (arguments.OptionalNode("vararg") is not null || arguments.OptionalNode("kwarg") is not null)
        {
            return $"*args and **kwargs in __init__ {NotYet}.";
        }

        var positional = arguments.Nodes("posonlyargs").Concat(arguments.Nodes("args")).ToList();
        if (positional.Count == 0)
        {
            return "__init__ needs a first parameter (self).";
        }

        var parameters = positional.Concat(arguments.Nodes("kwonlyargs")).Select(a => a!.Identifier("arg")!).ToList();
        if (parameters.Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            return "__init__ names a parameter twice (a SyntaxError).";
        }

        foreach (var argument in positional.Concat(arguments.Nodes("kwonlyargs")))
        {
            if (AnnotationProblem(argument!.OptionalNode("annotation"), defined, version) is { } problem)
            {
                return problem;
            }
        }

        if (AnnotationProblem(def.OptionalNode("returns"), defined, version) is { } returns)
        {
            return returns;
        }

        if (arguments.Nodes("defaults").Concat(arguments.Nodes("kw_defaults")).Any(d => d is not null && !IsLiteral(d)))
        {
            return "__init__ defaults must be constants.";
        }

        var self = parameters[0];
        foreach (var statement in def.Nodes("body"))
        {
            if (InitStatementProblem(statement!, self, parameters) is { } problem)
            {
                return $"line {statement!.Span!.Value.Line} of __init__: {problem}";
            }
        }

        return null;
    }

    private static string? InitStatementProblem(AstNode statement, string self, List<string> parameters)
    {
        if (IsInert(statement))
        {
            return null;
        }

        switch (statement.Type)
        {
            case "Assign":
                foreach (var target in statement.Nodes("targets"))
                {
                    if (target is not { Type: "Attribute" } || target.Node("value") is not { Type: "Name" } owner || owner.Identifier("id") != self)
                    {
                        return $"__init__ may only assign to attributes of {self} ({self}.name = ...).";
                    }

                    if (AttributeNameProblem(target.Identifier("attr")!, false) is { } problem)
                    {
                        return problem;
                    }
                }

                return IsArgument(statement.Node("value"), parameters) ? null : "the value assigned must be a parameter or a constant.";
            case "AnnAssign" when statement.OptionalNode("value") is { } annotated:
                // An annotation in a function body is never evaluated.
                return statement.Node("target") is { Type: "Attribute" } attribute && attribute.Node("value") is { Type: "Name" } annotatedOwner
                       && annotatedOwner.Identifier("id") == self
                    ? AttributeNameProblem(attribute.Identifier("attr")!, false)
                      ?? (IsArgument(annotated, parameters) ? null : "the value assigned must be a parameter or a constant.")
                    : $"__init__ may only assign to attributes of {self} ({self}.name = ...).";
            case "Expr" when IsSuperInit(statement.Node("value")):
            {
                var call = statement.Node("value");
                return call.Nodes("args").All(a => IsArgument(a!, parameters))
                       && call.Nodes("keywords").All(k => k!.Identifier("arg") is not null && IsArgument(k.Node("value"), parameters))
                    ? null
                    : "super().__init__(...) arguments must be parameters or constants (no * or **).";
            }

            default:
                return $"__init__ may hold self.name = parameter or constant, super().__init__(...), pass and docstrings; this {statement.Type} statement {NotYet}.";
        }
    }

    /// <summary><c>super().__init__(...)</c>.</summary>
    public static bool IsSuperInit(AstNode node) =>
        node is { Type: "Call" } && node.Node("func") is { Type: "Attribute" } method && method.Identifier("attr") == "__init__"
        && method.Node("value") is { Type: "Call" } super && super.Node("func") is { Type: "Name" } name && name.Identifier("id") == "super"
        && super.Nodes("args").Count == 0 && super.Nodes("keywords").Count == 0;

    private static bool IsArgument(AstNode node, List<string> parameters) =>
        (node.Type == "Name" && parameters.Contains(node.Identifier("id")!)) || IsLiteral(node);

    /// <summary>What <see cref="PatternMatchingRun"/> evaluates as a constant: literals and displays of literals.</summary>
    public static bool IsLiteral(AstNode node) => node.Type switch
    {
        "Constant" or "UnaryOp" or "BinOp" => true,
        "Tuple" or "List" => node.Nodes("elts").All(e => IsLiteral(e!)),
        "Dict" => node.Nodes("keys").All(k => k is not null && IsLiteral(k)) && node.Nodes("values").All(v => IsLiteral(v!)),
        _ => false,
    };
}
