using System.Numerics;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

internal sealed partial class Evaluator
{
    private PyObj Eval(AstNode node, Frame frame)
    {
        switch (node.Type)
        {
            case "Constant":
                return node["value"] is PyValue value and (PyNone or PyBool or PyInt or PyStr)
                    ? new ValueObj(value)
                    : throw NotSupported.At("this kind of constant (the subset has ints, strs, True, False and None)", node);
            case "Name":
                return Load(node.Identifier("id")!, frame, node);
            case "List" or "Tuple":
            {
                if (node.Nodes("elts").Any(e => e!.Type == "Starred"))
                {
                    throw NotSupported.At("* inside list and tuple displays", node);
                }

                var items = node.Nodes("elts").Select(e => Eval(e!, frame)).ToList();
                Grow(items.Count, node);
                return node.Type == "List" ? new ListObj(items) : new TupleObj(items);
            }

            case "BinOp":
            {
                var left = Eval(node.Node("left"), frame);
                var right = Eval(node.Node("right"), frame);
                return Binary(left, node.Node("op").Type, right, node, inPlace: false);
            }

            case "UnaryOp":
                return Unary(node.Node("op").Type, Eval(node.Node("operand"), frame), node);
            case "BoolOp":
            {
                var isAnd = node.Node("op").Type == "And";
                PyObj last = ValueObj.None;
                foreach (var operand in node.Nodes("values"))
                {
                    last = Eval(operand!, frame);
                    if (Truthy(last) != isAnd)
                    {
                        return last;
                    }
                }

                return last;
            }

            case "IfExp":
                return Eval(Truthy(Eval(node.Node("test"), frame)) ? node.Node("body") : node.Node("orelse"), frame);
            case "Compare":
                return Compare(node, frame);
            case "Lambda":
                return MakeFunction(node, frame);
            case "Call":
                return CallExpression(node, frame);
            case "Attribute":
                return GetAttribute(Eval(node.Node("value"), frame), node.Identifier("attr")!, node);
            case "Subscript":
            {
                var container = Eval(node.Node("value"), frame);
                if (node.Node("slice").Type == "Slice")
                {
                    throw NotSupported.At("slices", node);
                }

                return GetItem(container, Eval(node.Node("slice"), frame), node);
            }

            default:
                throw NotSupported.At($"'{node.Type}' expressions", node);
        }
    }

    private static bool Truthy(PyObj value) => value switch
    {
        ValueObj { Value: PyNone } => false,
        ValueObj { Value: PyBool b } => b.Value,
        ValueObj { Value: PyInt i } => !i.Value.IsZero,
        ValueObj { Value: PyStr s } => s.CodePoints.Count > 0,
        ListObj l => l.Items.Count > 0,
        TupleObj t => t.Items.Count > 0,
        DictObj d => d.Entries.Count > 0,
        RangeObj r => r.Length > 0,
        _ => true,
    };

    /// <summary>An int for arithmetic: bools are ints (PyBool is a subclass of PyLong).</summary>
    private static BigInteger? AsInt(PyObj value) => value switch
    {
        ValueObj { Value: PyInt i } => i.Value,
        ValueObj { Value: PyBool b } => b.Value ? BigInteger.One : BigInteger.Zero,
        _ => null,
    };

    private ValueObj NewInt(BigInteger value, AstNode at)
    {
        var bits = (long)value.GetBitLength();
        if (bits > 64)
        {
            Grow(bits, at);
        }

        return ValueObj.Int(value);
    }

    private static string Symbol(string op) => op switch
    {
        "Add" => "+",
        "Sub" => "-",
        "Mult" => "*",
        "FloorDiv" => "//",
        "Mod" => "%",
        "Pow" => "**",
        "Div" => "/",
        "MatMult" => "@",
        "LShift" => "<<",
        "RShift" => ">>",
        "BitOr" => "|",
        "BitXor" => "^",
        "BitAnd" => "&",
        _ => op,
    };

    /// <summary>
    /// binary_op1 for the subset's types; the TypeErrors are binop_type_error's, except that str, list and tuple
    /// concatenation report their own (unicode_concatenate, list_concat, tupleconcat).
    /// </summary>
    private PyObj Binary(PyObj left, string op, PyObj right, AstNode at, bool inPlace)
    {
        if (AsInt(left) is { } a && AsInt(right) is { } b)
        {
            switch (op)
            {
                case "Add":
                    return NewInt(a + b, at);
                case "Sub":
                    return NewInt(a - b, at);
                case "Mult":
                    Grow((long)a.GetBitLength() + (long)b.GetBitLength() > 64 ? (long)a.GetBitLength() + (long)b.GetBitLength() : 0, at);
                    return NewInt(a * b, at);
                case "FloorDiv" or "Mod":
                    if (b.IsZero)
                    {
                        throw new Raised(new PythonError("ZeroDivisionError",
                            op == "Mod" && version.AtLeast(11) ? "integer modulo by zero" : "integer division or modulo by zero"));
                    }

                    var q = BigInteger.DivRem(a, b, out var r);
                    if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
                    {
                        q -= 1;
                        r += b;
                    }

                    return NewInt(op == "FloorDiv" ? q : r, at);
                case "Pow" when b.Sign >= 0:
                    if (b > 10_000 || (long)a.GetBitLength() * (long)b > MaxSize)
                    {
                        throw NotSupported.At($"powers beyond {MaxSize} bits", at);
                    }

                    return NewInt(BigInteger.Pow(a, (int)b), at);
                case "Pow" or "Div":
                    throw NotSupported.At("float results (/ and negative powers)", at);
                case "MatMult":
                    break;
                default:
                    throw NotSupported.At($"the {Symbol(op)} operator", at);
            }
        }

        switch (op, left, right)
        {
            case ("Add", ValueObj { Value: PyStr x }, ValueObj { Value: PyStr y }):
                Grow(x.CodePoints.Count + y.CodePoints.Count, at);
                return new ValueObj(new PyStr([.. x.CodePoints, .. y.CodePoints]));
            case ("Add", ListObj x, ListObj y):
                Grow(x.Items.Count + y.Items.Count, at);
                return new ListObj([.. x.Items, .. y.Items]);
            case ("Add", TupleObj x, TupleObj y):
                Grow(x.Items.Count + y.Items.Count, at);
                return new TupleObj([.. x.Items, .. y.Items]);
            case ("Add", ValueObj { Value: PyStr }, _) or ("Add", ListObj, _) or ("Add", TupleObj, _):
                throw new Raised(new PythonError("TypeError", $"can only concatenate {left.TypeName} (not \"{right.TypeName}\") to {left.TypeName}"));
            case ("Mult", ValueObj { Value: PyStr or PyInt or PyBool }, ValueObj { Value: PyStr or PyInt or PyBool }):
            case ("Mult", ListObj or TupleObj, ValueObj { Value: PyInt or PyBool }):
            case ("Mult", ValueObj { Value: PyInt or PyBool }, ListObj or TupleObj):
            case ("Mod", ValueObj { Value: PyStr }, _):
            case ("Mult", ValueObj { Value: PyStr } or ListObj or TupleObj, _):
            case ("Mult", _, ValueObj { Value: PyStr } or ListObj or TupleObj):
            case ("BitOr", DictObj, DictObj):
                throw NotSupported.At("sequence repetition, % formatting and dict merging", at);
        }

        if (left is ValueObj or ListObj or TupleObj or FunctionObj or CellObj or RangeObj or DictObj or ModuleObj or BuiltinObj
            && right is ValueObj or ListObj or TupleObj or FunctionObj or CellObj or RangeObj or DictObj or ModuleObj or BuiltinObj)
        {
            throw new Raised(new PythonError("TypeError",
                $"unsupported operand type(s) for {Symbol(op)}{(inPlace ? "=" : "")}: '{left.TypeName}' and '{right.TypeName}'"));
        }

        throw NotSupported.At($"{left.TypeName} {Symbol(op)} {right.TypeName}", at);
    }

    /// <summary>binary_iop1: list += iterable extends the same list (list_inplace_concat); the rest as the binary operator.</summary>
    private PyObj InPlace(PyObj left, string op, PyObj right, AstNode at)
    {
        if (op == "Add" && left is ListObj list)
        {
            var items = Iterate(right, at).ToList();
            Grow(items.Count, at);
            list.Items.AddRange(items);
            return list;
        }

        return Binary(left, op, right, at, inPlace: true);
    }

    private static PyObj Unary(string op, PyObj operand, AstNode at)
    {
        if (op == "Not")
        {
            return ValueObj.Bool(!Truthy(operand));
        }

        if (AsInt(operand) is { } i)
        {
            return op switch
            {
                "USub" => ValueObj.Int(-i),
                "UAdd" => ValueObj.Int(i),
                _ => ValueObj.Int(-i - 1),
            };
        }

        var symbol = op switch { "USub" => "-", "UAdd" => "+", _ => "~" };
        return operand is ValueObj or ListObj or TupleObj or FunctionObj or CellObj or DictObj
            ? throw new Raised(new PythonError("TypeError", $"bad operand type for unary {symbol}: '{operand.TypeName}'"))
            : throw NotSupported.At($"unary {symbol} on {operand.TypeName}", at);
    }

    private PyObj Compare(AstNode node, Frame frame)
    {
        var left = Eval(node.Node("left"), frame);
        var ops = node.Nodes("ops");
        var comparators = node.Nodes("comparators");
        for (var i = 0; i < ops.Count; i++)
        {
            var right = Eval(comparators[i]!, frame);
            if (!CompareOne(ops[i]!.Type, left, right, node))
            {
                return ValueObj.Bool(false);
            }

            left = right;
        }

        return ValueObj.Bool(true);
    }

    private static bool CompareOne(string op, PyObj left, PyObj right, AstNode at)
    {
        switch (op)
        {
            case "Eq":
                return Equal(left, right);
            case "NotEq":
                return !Equal(left, right);
            case "Is" or "IsNot":
                return (op == "Is") == Identical(left, right, at);
            case "In" or "NotIn":
                return (op == "In") == Contains(right, left, at);
        }

        var symbol = op switch { "Lt" => "<", "LtE" => "<=", "Gt" => ">", _ => ">=" };
        int c;
        if (AsInt(left) is { } a && AsInt(right) is { } b)
        {
            c = a.CompareTo(b);
        }
        else if (left is ValueObj { Value: PyStr x } && right is ValueObj { Value: PyStr y })
        {
            c = x.CodePoints.ToArray().AsSpan().SequenceCompareTo(y.CodePoints.ToArray());
        }
        else if (left is ListObj or TupleObj || right is ListObj or TupleObj)
        {
            throw NotSupported.At("ordering lists and tuples", at);
        }
        else
        {
            throw new Raised(new PythonError("TypeError", $"'{symbol}' not supported between instances of '{left.TypeName}' and '{right.TypeName}'"));
        }

        return op switch { "Lt" => c < 0, "LtE" => c <= 0, "Gt" => c > 0, _ => c >= 0 };
    }

    /// <summary>Identity where CPython guarantees it: None, True, False and every non-value object; not between ints or strs.</summary>
    private static bool Identical(PyObj left, PyObj right, AstNode at)
    {
        if (left is ValueObj { Value: PyNone or PyBool } || right is ValueObj { Value: PyNone or PyBool })
        {
            return left is ValueObj { Value: PyNone or PyBool } x && right is ValueObj { Value: PyNone or PyBool } y
                && x.Value.Repr() == y.Value.Repr();
        }

        if (left is ValueObj || right is ValueObj)
        {
            throw NotSupported.At("'is' between ints or strs (it depends on caching)", at);
        }

        return ReferenceEquals(left, right);
    }

    private static bool Equal(PyObj a, PyObj b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        return (a, b) switch
        {
            (ValueObj x, ValueObj y) => PyEquality.Equal(x.Value, y.Value),
            (ListObj x, ListObj y) => Same(x.Items, y.Items),
            (TupleObj x, TupleObj y) => Same(x.Items, y.Items),
            (RangeObj x, RangeObj y) => x.Length == y.Length && (x.Length == 0 || (x.Start == y.Start && (x.Length == 1 || x.Step == y.Step))),
            (DictObj x, DictObj y) => x.Entries.Count == y.Entries.Count && x.Entries.All(e => y.Get(e.Key) is { } v && Equal(e.Value, v)),
            _ => false,
        };

        static bool Same(IReadOnlyList<PyObj> x, IReadOnlyList<PyObj> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second));
    }

    private static bool Contains(PyObj container, PyObj item, AstNode at)
    {
        switch (container)
        {
            case ListObj l:
                return l.Items.Any(i => Equal(i, item));
            case TupleObj t:
                return t.Items.Any(i => Equal(i, item));
            case DictObj d:
                return item is ValueObj { Value: PyStr key } ? d.Get(Reprs.Text(key)) is not null
                    : item is ValueObj ? false : throw NotSupported.At("'in' on a dict with this key", at);
            case ValueObj { Value: PyStr s }:
                if (item is not ValueObj { Value: PyStr sub })
                {
                    throw new Raised(new PythonError("TypeError", $"'in <string>' requires string as left operand, not {item.TypeName}"));
                }

                return Reprs.Text(s).Contains(Reprs.Text(sub), StringComparison.Ordinal);
            case RangeObj r:
                if (AsInt(item) is not { } v)
                {
                    throw NotSupported.At("'in' on a range with a non-int", at);
                }

                return r.Step > 0 ? v >= r.Start && v < r.Stop && (v - r.Start) % r.Step == 0
                    : v <= r.Start && v > r.Stop && (r.Start - v) % -r.Step == 0;
            case ValueObj or FunctionObj or CellObj or ModuleObj:
                throw new Raised(new PythonError("TypeError", $"argument of type '{container.TypeName}' is not iterable"));
            default:
                throw NotSupported.At($"'in' on {container.TypeName}", at);
        }
    }

    private static int Index(PyObj key, int count, string what, AstNode at)
    {
        if (AsInt(key) is not { } i)
        {
            if (what == "string")
            {
                throw NotSupported.At("str indices that are not ints", at);
            }

            throw new Raised(new PythonError("TypeError", $"{what.Split(' ')[0]} indices must be integers or slices, not {key.TypeName}"));
        }

        var index = i.Sign < 0 ? i + count : i;
        if (index < 0 || index >= count)
        {
            throw new Raised(new PythonError("IndexError", $"{what} index out of range"));
        }

        return (int)index;
    }

    private static PyObj GetItem(PyObj container, PyObj key, AstNode at)
    {
        switch (container)
        {
            case ListObj l:
                return l.Items[Index(key, l.Items.Count, "list", at)];
            case TupleObj t:
                return t.Items[Index(key, t.Items.Count, "tuple", at)];
            case ValueObj { Value: PyStr s }:
                return new ValueObj(new PyStr([s.CodePoints[Index(key, s.CodePoints.Count, "string", at)]]));
            case DictObj d:
                if (key is ValueObj { Value: PyStr k })
                {
                    return d.Get(Reprs.Text(k)) ?? throw new Raised(new PythonError("KeyError", k.Repr()));
                }

                throw NotSupported.At("dict keys that are not strs", at);
            case ValueObj or FunctionObj or CellObj or ModuleObj or BuiltinObj:
                throw new Raised(new PythonError("TypeError", $"'{container.TypeName}' object is not subscriptable"));
            default:
                throw NotSupported.At($"subscripting {container.TypeName}", at);
        }
    }

    private static void SetItem(PyObj container, PyObj key, PyObj value, AstNode at)
    {
        switch (container)
        {
            case ListObj l:
                l.Items[Index(key, l.Items.Count, "list assignment", at)] = value;
                return;
            case TupleObj or ValueObj or FunctionObj or CellObj or ModuleObj:
                throw new Raised(new PythonError("TypeError", $"'{container.TypeName}' object does not support item assignment"));
            default:
                throw NotSupported.At($"item assignment on {container.TypeName}", at);
        }
    }
}
