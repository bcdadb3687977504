using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// <c>operator-dispatch</c>: classes with special methods and an expression such as <c>A() + B()</c> or
/// <c>A() &lt; B()</c>; the trace shows the order CPython tries the methods in and the result says which answered,
/// or CPython's exact TypeError.
/// </summary>
public sealed class OperatorDispatchSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxExpressionLength = 200;
    public const int MaxClasses = 16;

    private static readonly HashSet<string> Supported =
    [
        .. OperatorDispatchRun.Binary.Values.SelectMany(p => new[] { p.Dunder, p.Reflected }),
        .. OperatorDispatchRun.Comparisons.Values.Select(p => p.Dunder),
        .. OperatorDispatchRun.Binary.Keys.Select(OperatorDispatchRun.InPlaceDunder),
        "__len__",
        "__bool__",
    ];

    /// <summary>In-place operators, longest first so that //= is not read as /=.</summary>
    private static readonly string[] InPlaceOperators = ["//=", "<<=", ">>=", "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^="];

    private static readonly Dictionary<string, string> BinarySymbols = new(StringComparer.Ordinal)
    {
        ["Add"] = "+", ["Sub"] = "-", ["Mult"] = "*", ["MatMult"] = "@", ["Div"] = "/", ["FloorDiv"] = "//", ["Mod"] = "%",
        ["LShift"] = "<<", ["RShift"] = ">>", ["BitAnd"] = "&", ["BitOr"] = "|", ["BitXor"] = "^",
    };

    private static readonly Dictionary<string, string> CompareSymbols = new(StringComparer.Ordinal)
    {
        ["Eq"] = "==", ["NotEq"] = "!=", ["Lt"] = "<", ["Gt"] = ">", ["LtE"] = "<=", ["GtE"] = ">=",
    };

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "operator-dispatch",
        Title: "Operator dispatch: which special method answers",
        Summary: "Evaluates a binary operator (+ - * @ / // % << >> & | ^) or a comparison (== != < > <= >=) between "
            + "instances of the source's classes or an int: binary_op1 and the class slots try __op__ and __rop__ "
            + "(the reflected method first when the right operand's class is a subclass that overrides it), "
            + "comparisons try the reflected operator first for a subclass, the default __ne__ inverts __eq__, and "
            + "== and != fall back to identity; each NotImplemented is shown. The source holds classes with single "
            + "inheritance whose special methods take (self, other) and return a constant or NotImplemented; "
            + "operands are ClassName() or an int. In-place operators are written A() += B() (x = A(); x += B()): "
            + "__iadd__ first, then the binary rules. len(A()), bool(A()) and not A() follow __len__ and __bool__ "
            + "(truth falls back to __len__, then True) with their exact errors. Not yet: **, iter and in.",
        Topics: ["language-dunder-methods"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "operator-dispatch input",
              "description": "Class definitions, and one expression combining two operands.",
              "type": "object",
              "required": ["source", "expression"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Class statements whose special methods return a constant or NotImplemented.", "type": "string", "maxLength": 4000 },
                "expression": { "description": "One binary operation or comparison of two operands, each ClassName() or an int, e.g. \"A() + B()\".", "type": "string", "maxLength": 200 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("expressionLength", MaxExpressionLength, "Longest expression, in characters."),
            new InputLimit("classes", MaxClasses, "Most class statements."),
        ],
        Examples:
        [
            new JsonObject
            {
                ["source"] = "class A:\n    def __add__(self, other):\n        return 'A.__add__'\n\nclass B(A):\n    def __radd__(self, other):\n        return 'B.__radd__'\n",
                ["expression"] = "A() + B()",
            },
            new JsonObject
            {
                ["source"] = "class Money:\n    def __add__(self, other):\n        return NotImplemented\n    def __radd__(self, other):\n        return 'Money.__radd__'\n",
                ["expression"] = "1 + Money()",
            },
            new JsonObject
            {
                ["source"] = "class A:\n    def __eq__(self, other):\n        return True\n",
                ["expression"] = "A() != A()",
            },
            new JsonObject { ["source"] = "class A:\n    pass\n", ["expression"] = "A() < A()" },
            new JsonObject
            {
                ["source"] = "class Bag:\n    def __iadd__(self, other):\n        return NotImplemented\n    def __add__(self, other):\n        return 'Bag.__add__'\n",
                ["expression"] = "Bag() += 1",
            },
            new JsonObject
            {
                ["source"] = "class Box:\n    def __len__(self):\n        return 0\n",
                ["expression"] = "bool(Box())",
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null, expression = null;
        if (reader.Object(input, "", "source", "expression"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
            expression = reader.RequiredString(input, "expression", MaxExpressionLength);
        }

        var classes = source is null ? null : ReadClasses(reader, source);
        var operation = classes is null || expression is null ? default : ReadExpression(reader, expression, classes);
        problems = reader.Problems;
        if (reader.HasProblems || operation.Left is null)
        {
            return null;
        }

        var canonical = new JsonObject { ["source"] = source, ["expression"] = expression };
        return new OperatorDispatchRun(canonical, version, expression!, operation.Left, operation.Op!, operation.Right!, operation.InPlace);
    }

    private static Dictionary<string, UserClass>? ReadClasses(InputReader reader, string source)
    {
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        var classes = new Dictionary<string, UserClass>(StringComparer.Ordinal);
        var statements = parsed.Module!.Nodes("body");
        if (statements.Count > MaxClasses)
        {
            reader.Report("source", $"has {statements.Count} statements; the limit is {MaxClasses} classes.", MaxClasses);
            return null;
        }

        foreach (var node in statements)
        {
            var line = node!.Span!.Value.Line;
            if (node.Type != "ClassDef" || node.Nodes("keywords").Count > 0 || node.Nodes("decorator_list").Count > 0)
            {
                return Fail(reader, $"line {line}: only class statements without keywords or decorators are supported yet.");
            }

            var bases = node.Nodes("bases");
            UserClass? @base = null;
            if (bases.Count > 1 || bases.Any(b => b!.Type != "Name"))
            {
                return Fail(reader, $"line {line}: only single inheritance from a class of the source (or object) is supported yet.");
            }

            if (bases.Count == 1 && bases[0]!.Identifier("id") is var baseName && baseName != "object")
            {
                if (!classes.TryGetValue(baseName!, out @base))
                {
                    return Fail(reader, $"line {line}: the base '{baseName}' must be a class defined earlier in the source.");
                }
            }

            var methods = new Dictionary<string, PyValue?>(StringComparer.Ordinal);
            foreach (var member in node.Nodes("body"))
            {
                if (member!.Type == "Pass" || (member.Type == "Expr" && member.Node("value").Type == "Constant"))
                {
                    continue;
                }

                if (member.Type != "FunctionDef" || !Supported.Contains(member.Identifier("name")!) || member.Nodes("decorator_list").Count > 0)
                {
                    return Fail(reader, $"line {member.Span!.Value.Line}: class bodies may hold the binary and comparison special methods only, for now.");
                }

                var args = member.Node("args");
                var arity = member.Identifier("name") is "__len__" or "__bool__" ? 1 : 2;
                if (args.Nodes("posonlyargs").Count + args.Nodes("args").Count != arity || args.Nodes("defaults").Count > 0
                    || args.Nodes("kwonlyargs").Count > 0 || args.OptionalNode("vararg") is not null || args.OptionalNode("kwarg") is not null)
                {
                    return Fail(reader, $"line {member.Span!.Value.Line}: special methods must take exactly (self, other), or (self) for __len__ and __bool__.");
                }

                var body = member.Nodes("body").Where(s => !(s!.Type == "Expr" && s.Node("value").Type == "Constant")).ToList();
                if (body.Count != 1 || body[0]!.Type != "Return" || body[0]!.OptionalNode("value") is not { } value)
                {
                    return Fail(reader, $"line {member.Span!.Value.Line}: a special method's body must be one return of a constant or NotImplemented.");
                }

                if (value.Type == "Name" && value.Identifier("id") == "NotImplemented")
                {
                    methods[member.Identifier("name")!] = null;
                }
                else if (value.Type == "Constant" && value["value"] is PyValue constant && constant is PyNone or PyBool or PyInt or PyStr or PyFloat)
                {
                    methods[member.Identifier("name")!] = constant;
                }
                else if (value.Type == "UnaryOp" && value.Node("op").Type == "USub" && value.Node("operand") is { Type: "Constant" } operand
                         && operand["value"] is PyInt or PyFloat
                         && ValueParser.Parse(SourceText.Segment(source, value.Span!.Value), LiteralHasher).Value is { } negative)
                {
                    methods[member.Identifier("name")!] = negative;
                }
                else
                {
                    return Fail(reader, $"line {member.Span!.Value.Line}: a special method must return a constant (number, string, True, False, None) or NotImplemented.");
                }
            }

            classes[node.Identifier("name")!] = new UserClass(node.Identifier("name")!, @base, methods);
        }

        return classes;
    }

    private static readonly Hashing.PyHasher LiteralHasher = new(PythonVersion.V311, 0);

    private static Dictionary<string, UserClass>? Fail(InputReader reader, string message)
    {
        reader.Report("source", message);
        return null;
    }

    private static (Operand? Left, string? Op, Operand? Right, bool InPlace) ReadExpression(InputReader reader, string text, Dictionary<string, UserClass> classes)
    {
        // "L op= R" stands for x = L; x op= R: split at the first in-place operator, then read both operands.
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var inPlace in InPlaceOperators)
            {
                if (string.CompareOrdinal(text, i, inPlace, 0, inPlace.Length) != 0)
                {
                    continue;
                }

                var leftOperand = InPlaceOperand(reader, text[..i], classes);
                var rightOperand = InPlaceOperand(reader, text[(i + inPlace.Length)..], classes);
                if (leftOperand is null || rightOperand is null)
                {
                    return default;
                }

                if (leftOperand.Class is null && rightOperand.Class is null)
                {
                    reader.Report("expression", "at least one operand must be an instance of a class of the source.");
                    return default;
                }

                return (leftOperand, inPlace[..^1], rightOperand, true);
            }
        }

        var parsed = PythonSyntax.Parse(text);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("expression", $"{diagnostic.Type}: {diagnostic.Message} (column {diagnostic.Column}).", null, diagnostic.Column);
            return default;
        }

        var body = parsed.Module!.Nodes("body");
        AstNode? leftNode = null, rightNode = null;
        string? op = null;
        if (body.Count == 1 && body[0]!.Type == "Expr")
        {
            var node = body[0]!.Node("value");
            AstNode? unary = node switch
            {
                { Type: "Call" } when node.Node("func") is { Type: "Name" } f && f.Identifier("id") is "len" or "bool"
                                      && node.Nodes("args").Count == 1 && node.Nodes("keywords").Count == 0 && node.Nodes("args")[0]!.Type != "Starred" => node.Nodes("args")[0],
                { Type: "UnaryOp" } when node.Node("op").Type == "Not" => node.Node("operand"),
                _ => null,
            };
            if (unary is not null)
            {
                var operand = Operand(reader, unary, text, classes);
                if (operand is null)
                {
                    return default;
                }

                if (operand.Class is null)
                {
                    reader.Report("expression", "the operand of len(), bool() or not must be an instance of a class of the source.");
                    return default;
                }

                var name = node.Type == "UnaryOp" ? "not" : node.Node("func").Identifier("id")!;
                return (operand, name, operand, false);
            }

            if (node.Type == "BinOp" && BinarySymbols.TryGetValue(node.Node("op").Type, out var symbol))
            {
                (leftNode, rightNode, op) = (node.Node("left"), node.Node("right"), symbol);
            }
            else if (node.Type == "Compare" && node.Nodes("ops").Count == 1 && CompareSymbols.TryGetValue(node.Nodes("ops")[0]!.Type, out var comparison))
            {
                (leftNode, rightNode, op) = (node.Node("left"), node.Nodes("comparators")[0], comparison);
            }
        }

        if (op is null)
        {
            reader.Report("expression", "must be one binary operation (+ - * @ / // % << >> & | ^), one in-place operation (A() += B(), meaning x = A(); x += B()) or one comparison (== != < > <= >=); ** and chained comparisons are not supported yet.");
            return default;
        }

        var left = Operand(reader, leftNode!, text, classes);
        var right = Operand(reader, rightNode!, text, classes);
        if (left is null || right is null)
        {
            return default;
        }

        if (left.Class is null && right.Class is null)
        {
            reader.Report("expression", "at least one operand must be an instance of a class of the source.");
            return default;
        }

        return (left, op, right, false);
    }

    private static Operand? InPlaceOperand(InputReader reader, string text, Dictionary<string, UserClass> classes)
    {
        var parsed = PythonSyntax.Parse(text.Trim());
        if (parsed.Module?.Nodes("body") is [{ Type: "Expr" } statement])
        {
            return Operand(reader, statement.Node("value"), text.Trim(), classes);
        }

        reader.Report("expression", $"the operand '{text.Trim()}' must be ClassName() or an int literal.");
        return null;
    }

    private static Operand? Operand(InputReader reader, AstNode node, string text, Dictionary<string, UserClass> classes)
    {
        var segment = SourceText.Segment(text, node.Span!.Value);
        if (node.Type == "Call" && node.Node("func") is { Type: "Name" } func && node.Nodes("args").Count == 0 && node.Nodes("keywords").Count == 0
            && classes.TryGetValue(func.Identifier("id")!, out var cls))
        {
            return new Operand(cls, null, segment);
        }

        if (node.Type == "Constant" && node["value"] is PyInt i)
        {
            return new Operand(null, i.Value, segment);
        }

        reader.Report("expression", $"the operand {segment} must be ClassName() for a class of the source, or an int literal.");
        return null;
    }
}
