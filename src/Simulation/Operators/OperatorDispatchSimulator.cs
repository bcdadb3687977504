using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Classes;
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
        "__contains__",
        "__iter__",
        "__getitem__",
    ];

    /// <summary>Special methods that take (self) alone.</summary>
    private static readonly HashSet<string> Unary = ["__len__", "__bool__", "__iter__"];

    /// <summary>list(A()) with a longer __len__ is refused (see <see cref="ListHintProblem"/>).</summary>
    private const int MaxListHint = 1_000_000;

    /// <summary>In-place operators, longest first so that //= is not read as /= (nor **= as *=).</summary>
    private static readonly string[] InPlaceOperators = ["**=", "//=", "<<=", ">>=", "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^="];

    private static readonly Dictionary<string, string> BinarySymbols = new(StringComparer.Ordinal)
    {
        ["Add"] = "+", ["Sub"] = "-", ["Mult"] = "*", ["MatMult"] = "@", ["Div"] = "/", ["FloorDiv"] = "//", ["Mod"] = "%", ["Pow"] = "**",
        ["LShift"] = "<<", ["RShift"] = ">>", ["BitAnd"] = "&", ["BitOr"] = "|", ["BitXor"] = "^",
    };

    private static readonly Dictionary<string, string> CompareSymbols = new(StringComparer.Ordinal)
    {
        ["Eq"] = "==", ["NotEq"] = "!=", ["Lt"] = "<", ["Gt"] = ">", ["LtE"] = "<=", ["GtE"] = ">=",
        ["In"] = "in", ["NotIn"] = "not in",
    };

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "operator-dispatch",
        Title: "Operator dispatch: which special method answers",
        Summary: "Evaluates a binary operator (+ - * @ / // % ** << >> & | ^, or pow(a, b)) or a comparison (== != < > "
            + "<= >=) between instances of the source's classes or an int: binary_op1 (ternary_op for **) and the class "
            + "slots try __op__ and __rop__ (the reflected method first when the right operand's class is a subclass "
            + "that overrides it), comparisons try the reflected operator first for a subclass, the default __ne__ "
            + "inverts __eq__, and == and != fall back to identity; each NotImplemented is shown. In-place operators are "
            + "written A() += B() (x = A(); x += B()): __iadd__ (__ipow__, ...) first, then the binary rules. x in A() "
            + "and x not in A() use __contains__, else iterate: __iter__, else the old __getitem__ protocol (0, 1, 2, ... "
            + "until IndexError), comparing each item with ==; iter(A()) and list(A()) show which method makes the "
            + "iterator and the items (list() also asks __len__ for a length hint). len(A()), bool(A()) and not A() "
            + "follow __len__ and __bool__. Classes may have several bases: every lookup walks the C3 MRO and the "
            + "subclass checks use it; an inconsistent MRO raises CPython's TypeError. Special methods take (self, other) "
            + "or (self) and return a constant, NotImplemented or iter([...]) of constants; __getitem__(self, index) "
            + "returns [...][index]; any of them may be set to None (which blocks the fallbacks, e.g. "
            + "__iter__ = None), each with CPython's exact errors. Not yet: raise, __next__, pow(a, b, c).",
        Topics: ["language-dunder-methods"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 2,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "operator-dispatch input",
              "description": "Class definitions, and one expression: an operator between two operands, a membership test, or len/bool/not/iter/list of an instance.",
              "type": "object",
              "required": ["source", "expression"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Class statements whose special methods return a constant, NotImplemented, iter([...]) of constants or (in __getitem__) [...][index], or are set to None.", "type": "string", "maxLength": 4000 },
                "expression": { "description": "One binary operation or comparison of two operands, each ClassName() or an int (e.g. \"A() + B()\", \"pow(A(), 2)\", \"A() **= 2\"), x in ClassName() with x any constant or instance, or len/bool/iter/list(ClassName()) or not ClassName().", "type": "string", "maxLength": 200 }
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
            new JsonObject
            {
                ["source"] = "class Squares:\n    def __getitem__(self, index):\n        return [0, 1, 4, 9][index]\n",
                ["expression"] = "9 in Squares()",
            },
            new JsonObject
            {
                ["source"] = "class Stream:\n    __iter__ = None\n    def __getitem__(self, index):\n        return [1, 2][index]\n",
                ["expression"] = "list(Stream())",
            },
            new JsonObject
            {
                ["source"] = "class Left:\n    pass\n\nclass Right:\n    def __rpow__(self, other):\n        return 'Right.__rpow__'\n\nclass Both(Left, Right):\n    pass\n",
                ["expression"] = "2 ** Both()",
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

        var table = source is null ? null : ReadClasses(reader, source, version);
        var operation = table is null || expression is null ? default : ReadExpression(reader, expression, table.Classes);
        if (operation.Op == "list" && table!.CreationError is null && ListHintProblem(operation.Left!.Class!) is { } hint)
        {
            reader.Report("expression", hint);
        }

        problems = reader.Problems;
        if (reader.HasProblems || operation.Left is null)
        {
            return null;
        }

        var canonical = new JsonObject { ["source"] = source, ["expression"] = expression };
        return new OperatorDispatchRun(canonical, version, expression!, operation.Left, operation.Op!, operation.Right!, operation.InPlace, table!);
    }

    /// <summary>
    /// list() preallocates what __len__ says (list_extend: PyObject_LengthHint, then list_resize); whether a huge
    /// allocation succeeds depends on the machine, so such a length is not modelled.
    /// </summary>
    private static string? ListHintProblem(UserClass cls) =>
        cls.Owner("__len__") is { } owner && owner.Methods["__len__"] is { Kind: BodyKind.Return, Value: PyInt { Value: var n } }
        && n > MaxListHint && n <= long.MaxValue
            ? $"list() would preallocate the {n} slots {owner.Name}.__len__ promises; lengths above {MaxListHint} are not modelled."
            : null;

    private static ClassTable? ReadClasses(InputReader reader, string source, PythonVersion version)
    {
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            reader.Report("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        var statements = parsed.Module!.Nodes("body");
        if (statements.Count > MaxClasses)
        {
            reader.Report("source", $"has {statements.Count} statements; the limit is {MaxClasses} classes.", MaxClasses);
            return null;
        }

        var classStatements = new List<ClassStatement>();
        var bodies = new List<Dictionary<string, MethodBody>>();
        foreach (var node in statements)
        {
            var line = node!.Span!.Value.Line;
            if (node.Type != "ClassDef" || node.Nodes("keywords").Count > 0 || node.Nodes("decorator_list").Count > 0)
            {
                return Fail(reader, $"line {line}: only class statements without keywords or decorators are supported yet.");
            }

            var bases = node.Nodes("bases");
            if (bases.Count > MroSimulator.MaxBases)
            {
                reader.Report("source", $"line {line}: class {node.Identifier("name")} has {bases.Count} bases; the limit is {MroSimulator.MaxBases}.", MroSimulator.MaxBases);
                return null;
            }

            var baseNames = new List<string>();
            foreach (var @base in bases)
            {
                if (@base!.Type != "Name")
                {
                    return Fail(reader, $"line {line}: bases must be names of classes of the source (or object).");
                }

                var baseName = @base.Identifier("id")!;
                if (baseName != "object" && !classStatements.Any(c => c.Name == baseName))
                {
                    return Fail(reader, $"line {line}: the base '{baseName}' must be a class defined earlier in the source (or object).");
                }

                baseNames.Add(baseName);
            }

            var methods = new Dictionary<string, MethodBody>(StringComparer.Ordinal);
            foreach (var member in node.Nodes("body"))
            {
                if (member!.Type == "Pass" || (member.Type == "Expr" && member.Node("value").Type == "Constant"))
                {
                    continue;
                }

                if (ReadMember(member, source) is not ({ } name, { } body))
                {
                    return Fail(reader, $"line {member.Span!.Value.Line}: {MemberProblem(member)}");
                }

                methods[name] = body;
            }

            classStatements.Add(new ClassStatement(node.Identifier("name")!, baseNames, line));
            bodies.Add(methods);
        }

        return ClassTable.Create(classStatements, bodies, version);
    }

    private static ClassTable? Fail(InputReader reader, string message)
    {
        reader.Report("source", message);
        return null;
    }

    private static readonly Hashing.PyHasher LiteralHasher = new(PythonVersion.V311, 0);

    /// <summary>A special method of the supported subset, or null (<see cref="MemberProblem"/> says why).</summary>
    private static (string? Name, MethodBody? Body) ReadMember(AstNode member, string source)
    {
        if (member.Type == "Assign" && member.Nodes("targets") is [{ Type: "Name" } target] && Supported.Contains(target.Identifier("id")!)
            && member.Node("value") is { Type: "Constant" } none && none["value"] is PyNone)
        {
            return (target.Identifier("id"), MethodBody.SetToNone);
        }

        if (member.Type != "FunctionDef" || !Supported.Contains(member.Identifier("name")!) || member.Nodes("decorator_list").Count > 0)
        {
            return default;
        }

        var name = member.Identifier("name")!;
        if (Parameters(member) is not { } parameters)
        {
            return default;
        }

        var body = member.Nodes("body").Where(s => !(s!.Type == "Expr" && s.Node("value").Type == "Constant")).ToList();
        if (body is not [{ Type: "Return" } ret] || ret.OptionalNode("value") is not { } value)
        {
            return default;
        }

        if (name == "__getitem__")
        {
            // Only an indexed display: a constant item would make the sequence protocol iterate forever.
            return value is { Type: "Subscript" } subscript && subscript.Node("slice") is { Type: "Name" } index
                   && index.Identifier("id") == parameters[1]!.Identifier("arg") && Display(subscript.Node("value"), source) is { } indexed
                ? (name, new MethodBody(BodyKind.ReturnItem, null, indexed.Sequence, indexed.Items))
                : default;
        }

        if (value.Type == "Name" && value.Identifier("id") == "NotImplemented")
        {
            return (name, MethodBody.Returns(MethodBody.NotImplemented));
        }

        if (Constant(value, source) is { } constant)
        {
            return (name, MethodBody.Returns(constant));
        }

        if (value is { Type: "Call" } call && call.Node("func") is { Type: "Name" } func && func.Identifier("id") == "iter"
            && call.Nodes("keywords").Count == 0 && call.Nodes("args") is [{ } iterable] && Display(iterable, source) is { } shown)
        {
            return (name, new MethodBody(BodyKind.ReturnIterator, null, shown.Sequence, shown.Items));
        }

        return default;
    }

    private static string MemberProblem(AstNode member)
    {
        if (member.Type == "Assign")
        {
            return "a class attribute may only set a supported special method to None (e.g. __iter__ = None).";
        }

        if (member.Type != "FunctionDef" || !Supported.Contains(member.Identifier("name")!) || member.Nodes("decorator_list").Count > 0)
        {
            return $"class bodies may hold these special methods only, for now: {string.Join(", ", Supported.Order(StringComparer.Ordinal))}.";
        }

        var name = member.Identifier("name")!;
        if (Parameters(member) is null)
        {
            return "special methods must take exactly (self, other), or (self) for __len__, __bool__ and __iter__.";
        }

        return name == "__getitem__"
            ? "__getitem__(self, index) must be one return of [...][index] or (...)[index] of constants (a constant item would make iteration endless)."
            : "a special method's body must be one return of a constant (number, string, True, False, None), NotImplemented, "
              + "or iter([...]) / iter((...)) of constants.";
    }

    /// <summary>The def's plain positional parameters when they are (self) or (self, other) as the method needs, else null.</summary>
    private static List<AstNode?>? Parameters(AstNode def)
    {
        var args = def.Node("args");
        var parameters = args.Nodes("posonlyargs").Concat(args.Nodes("args")).ToList();
        return parameters.Count == (Unary.Contains(def.Identifier("name")!) ? 1 : 2) && args.Nodes("defaults").Count == 0
               && args.Nodes("kwonlyargs").Count == 0 && args.OptionalNode("vararg") is null && args.OptionalNode("kwarg") is null
            ? parameters
            : null;
    }

    /// <summary>A literal the subset allows: a number (negative too), string, True, False or None.</summary>
    private static PyValue? Constant(AstNode node, string source)
    {
        if (node.Type == "Constant" && node["value"] is PyValue constant && constant is PyNone or PyBool or PyInt or PyStr or PyFloat)
        {
            return constant;
        }

        return node.Type == "UnaryOp" && node.Node("op").Type == "USub" && node.Node("operand") is { Type: "Constant" } operand
               && operand["value"] is PyInt or PyFloat
            ? ValueParser.Parse(SourceText.Segment(source, node.Span!.Value), LiteralHasher).Value
            : null;
    }

    /// <summary>A list or tuple display of constants.</summary>
    private static (string Sequence, List<PyValue> Items)? Display(AstNode node, string source)
    {
        if (node.Type is not ("List" or "Tuple"))
        {
            return null;
        }

        var items = new List<PyValue>();
        foreach (var element in node.Nodes("elts"))
        {
            if (Constant(element!, source) is not { } item)
            {
                return null;
            }

            items.Add(item);
        }

        return (node.Type == "List" ? "list" : "tuple", items);
    }

    private static (Operand? Left, string? Op, Operand? Right, bool InPlace) ReadExpression(InputReader reader, string text, IReadOnlyDictionary<string, UserClass> classes)
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
            var call = node is { Type: "Call" } && node.Node("func") is { Type: "Name" } f && node.Nodes("keywords").Count == 0
                       && node.Nodes("args").All(a => a!.Type != "Starred")
                ? f.Identifier("id")
                : null;
            AstNode? unary = node switch
            {
                _ when call is "len" or "bool" or "iter" or "list" && node.Nodes("args").Count == 1 => node.Nodes("args")[0],
                { Type: "UnaryOp" } when node.Node("op").Type == "Not" => node.Node("operand"),
                _ => null,
            };
            if (unary is not null)
            {
                var operand = Operand(reader, unary, text, classes, anyConstant: false);
                if (operand is null)
                {
                    return default;
                }

                if (operand.Class is null)
                {
                    reader.Report("expression", "the operand of len(), bool(), iter(), list() or not must be an instance of a class of the source.");
                    return default;
                }

                return (operand, call ?? "not", operand, false);
            }

            if (call == "pow" && node.Nodes("args").Count == 2)
            {
                (leftNode, rightNode, op) = (node.Nodes("args")[0], node.Nodes("args")[1], "**");
            }
            else if (node.Type == "BinOp" && BinarySymbols.TryGetValue(node.Node("op").Type, out var symbol))
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
            reader.Report("expression", "must be one binary operation (+ - * @ / // % ** << >> & | ^, or pow(a, b)), one in-place operation "
                + "(A() += B(), meaning x = A(); x += B()), one comparison (== != < > <= >=), x in A() or x not in A(), "
                + "or len(A()), bool(A()), not A(), iter(A()) or list(A()); chained comparisons and pow(a, b, c) are not supported.");
            return default;
        }

        var membership = op is "in" or "not in";
        var left = Operand(reader, leftNode!, text, classes, anyConstant: membership);
        var right = Operand(reader, rightNode!, text, classes, anyConstant: false);
        if (left is null || right is null)
        {
            return default;
        }

        if (membership && right.Class is null)
        {
            reader.Report("expression", $"the right operand of {op} must be an instance of a class of the source.");
            return default;
        }

        if (left.Class is null && right.Class is null)
        {
            reader.Report("expression", "at least one operand must be an instance of a class of the source.");
            return default;
        }

        return (left, op, right, false);
    }

    private static Operand? InPlaceOperand(InputReader reader, string text, IReadOnlyDictionary<string, UserClass> classes)
    {
        var parsed = PythonSyntax.Parse(text.Trim());
        if (parsed.Module?.Nodes("body") is [{ Type: "Expr" } statement])
        {
            return Operand(reader, statement.Node("value"), text.Trim(), classes, anyConstant: false);
        }

        reader.Report("expression", $"the operand '{text.Trim()}' must be ClassName() or an int literal.");
        return null;
    }

    /// <summary>ClassName() for a class of the source, or an int literal (any constant for the left of <c>in</c>).</summary>
    private static Operand? Operand(InputReader reader, AstNode node, string text, IReadOnlyDictionary<string, UserClass> classes, bool anyConstant)
    {
        var segment = SourceText.Segment(text, node.Span!.Value);
        if (node.Type == "Call" && node.Node("func") is { Type: "Name" } func && node.Nodes("args").Count == 0 && node.Nodes("keywords").Count == 0
            && classes.TryGetValue(func.Identifier("id")!, out var cls))
        {
            return new Operand(cls, null, segment);
        }

        if (Constant(node, text) is { } constant && (anyConstant || (constant is PyInt && node.Type == "Constant")))
        {
            return new Operand(null, constant, segment);
        }

        reader.Report("expression", anyConstant
            ? $"the operand {segment} must be ClassName() for a class of the source, or a constant (number, string, True, False, None)."
            : $"the operand {segment} must be ClassName() for a class of the source, or an int literal.");
        return null;
    }
}
