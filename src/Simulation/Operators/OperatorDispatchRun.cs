using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// One operator-dispatch trace. Binary operators follow Objects/abstract.c <c>binary_op1</c> and, for classes,
/// Objects/typeobject.c <c>SLOT1BINFULL</c> (the reflected method first when the right operand's class is a
/// subclass that overrides it, <c>method_is_overloaded</c>); comparisons follow Objects/object.c
/// <c>do_richcompare</c> with <c>slot_tp_richcompare</c> and <c>object_richcompare</c> (the default <c>__ne__</c>
/// inverts <c>__eq__</c>; <c>==</c> and <c>!=</c> fall back to identity). Identical in 3.10 to 3.13.
/// </summary>
internal sealed class OperatorDispatchRun(
    JsonObject canonicalInput,
    PythonVersion version,
    string expression,
    Operand left,
    string op,
    Operand right,
    bool inPlace) : SimulationRun(canonicalInput)
{
    /// <summary>Symbol → (method, reflected method); ** is ternary (slot_nb_power) and not modelled.</summary>
    public static readonly IReadOnlyDictionary<string, (string Dunder, string Reflected)> Binary = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["+"] = ("__add__", "__radd__"), ["-"] = ("__sub__", "__rsub__"), ["*"] = ("__mul__", "__rmul__"),
        ["@"] = ("__matmul__", "__rmatmul__"), ["/"] = ("__truediv__", "__rtruediv__"),
        ["//"] = ("__floordiv__", "__rfloordiv__"), ["%"] = ("__mod__", "__rmod__"),
        ["<<"] = ("__lshift__", "__rlshift__"), [">>"] = ("__rshift__", "__rrshift__"),
        ["&"] = ("__and__", "__rand__"), ["|"] = ("__or__", "__ror__"), ["^"] = ("__xor__", "__rxor__"),
    };

    /// <summary>Symbol → (method, the swapped operator _Py_SwappedOp gives for the reflected try).</summary>
    public static readonly IReadOnlyDictionary<string, (string Dunder, string Swapped)> Comparisons = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["=="] = ("__eq__", "=="), ["!="] = ("__ne__", "!="), ["<"] = ("__lt__", ">"), [">"] = ("__gt__", "<"),
        ["<="] = ("__le__", ">="), [">="] = ("__ge__", "<="),
    };

    /// <summary>Marks a NotImplemented return; every other return is a <see cref="PyValue"/>.</summary>
    private static readonly PyValue NotImplemented = new PyUnhashable("NotImplementedType", "NotImplemented");

    private readonly List<Step> _steps = [];
    private readonly List<string> _calls = [];
    private string? _answeredBy;
    private OperatorDispatchResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        // A handful of steps at most: computed whole, then handed out.
        _steps.Clear();
        _calls.Clear();
        try
        {
            var value = op switch
            {
                "len" => Length(),
                "bool" => Truth(),
                "not" => ReferenceEquals(Truth(), PyBool.True) ? PyBool.False : PyBool.True,
                _ when Comparisons.ContainsKey(op) => RichCompare(),
                _ => inPlace ? BinaryIOp1() : BinaryOp1(),
            };
            _result = new OperatorDispatchResult(value.Repr(), _answeredBy, [.. _calls], null);
            Emit("result", $"{expression} evaluates to {value.Repr()}" + (_answeredBy is null ? "." : $", answered by {_answeredBy}."), "", null, null);
        }
        catch (OperatorError error)
        {
            _result = new OperatorDispatchResult(null, null, [.. _calls], error.Error);
            Emit("exception", $"TypeError: {error.Error.Message}", "", null, null);
        }

        return _steps;
    }

#pragma warning disable CA1064 // internal control flow, never leaves the run
    private sealed class OperatorError(PythonError error) : Exception(error.Message)
#pragma warning restore CA1064
    {
        public PythonError Error { get; } = error;
    }

    private void Emit(string kind, string message, string function, string? method, PyValue? returned) =>
        _steps.Add(new Step(_steps.Count, kind, message,
            new OperatorDispatchState(expression, function, method, returned?.Repr(), [.. _calls]),
            method is null ? [] : [method], Source(function)));

    private SourceLocation? Source(string function) => function switch
    {
        "binary_op1" => OperatorSource.BinaryOp1(version),
        "binary_iop1" => OperatorSource.BinaryIOp1(version),
        "do_richcompare" => OperatorSource.DoRichCompare(version),
        "slot_tp_richcompare" => OperatorSource.SlotRichCompare(version),
        "object_richcompare" => OperatorSource.ObjectRichCompare(version),
        _ when function.StartsWith("slot_nb_", StringComparison.Ordinal) => OperatorSource.SlotBinFull(version),
        _ => null,
    };

    // ------------------------------------------------------------------ binary operators

    private (string Dunder, string Reflected) Names => Binary[op];

    /// <summary>The nb_* slot of an operand's type: slot_nb_* for a class defining the method or its reflection, int's own, or none.</summary>
    private string? Slot(Operand operand)
    {
        if (operand.Class is { } cls)
        {
            return cls.Owner(Names.Dunder) is not null || cls.Owner(Names.Reflected) is not null ? "slot" : null;
        }

        return op == "@" ? null : "int";
    }

    private static bool SameType(Operand a, Operand b) => ReferenceEquals(a.Class, b.Class);

    private static bool IsSubtype(Operand a, Operand b) =>
        a.Class is { } x && b.Class is { } y ? x.IsSubtypeOf(y) : a.Class is null && b.Class is null;

    private PyValue BinaryOp1()
    {
        var slotv = Slot(left);
        var slotw = SameType(left, right) ? null : Slot(right);
        if (slotw == slotv)
        {
            slotw = null;
        }

        Emit("slots", $"binary_op1: type {left.TypeName} has {Describe(slotv)}, type {right.TypeName} has {Describe(slotw)}"
            + (slotw is null && slotv is not null && Slot(right) is not null && !SameType(left, right) ? " (the same C function, so it is tried once and handles both sides)." : "."), "binary_op1", null, null);
        if (slotv is not null)
        {
            if (slotw is not null && IsSubtype(right, left))
            {
                Emit("subclass-first", $"{right.TypeName} is a subclass of {left.TypeName}: its slot goes first.", "binary_op1", null, null);
                var first = CallSlot(slotw);
                if (!ReferenceEquals(first, NotImplemented))
                {
                    return first;
                }

                slotw = null;
            }

            var x = CallSlot(slotv);
            if (!ReferenceEquals(x, NotImplemented))
            {
                return x;
            }
        }

        if (slotw is not null)
        {
            var x = CallSlot(slotw);
            if (!ReferenceEquals(x, NotImplemented))
            {
                return x;
            }
        }

        throw new OperatorError(new PythonError("TypeError", $"unsupported operand type(s) for {op}{(inPlace ? "=" : "")}: '{left.TypeName}' and '{right.TypeName}'"));
    }

    /// <summary>The in-place method (__iadd__, ...) for this operator.</summary>
    public static string InPlaceDunder(string op) => "__i" + Binary[op].Dunder[2..];

    /// <summary>
    /// binary_iop1: the left operand's nb_inplace_* slot first (slot_nb_inplace_* calls __iop__, present only when
    /// the class defines it; int has none), then binary_op1 when it gives NotImplemented.
    /// </summary>
    private PyValue BinaryIOp1()
    {
        var dunder = InPlaceDunder(op);
        if (left.Class?.Owner(dunder) is { } owner)
        {
            Emit("inplace-slot", $"{left.TypeName} has nb_inplace slot from {owner.Name}.{dunder}: it is tried first.", "binary_iop1", null, null);
            var value = Call(owner, dunder, left, right, $"slot_nb_inplace_{Names.Dunder.Trim('_')}");
            if (!ReferenceEquals(value, NotImplemented))
            {
                return value;
            }
        }
        else
        {
            Emit("inplace-slot", $"{left.TypeName} has no nb_inplace slot ({dunder} is not defined): binary_op1 decides.", "binary_iop1", null, null);
        }

        return BinaryOp1();
    }

    private string Describe(string? slot) => slot switch
    {
        "slot" => $"slot_nb_{Names.Dunder.Trim('_')} (from {Names.Dunder}/{Names.Reflected})",
        "int" => $"int's own nb_{Names.Dunder.Trim('_')}",
        _ => "no slot",
    };

    /// <summary>Calls a slot as binary_op1 does, always as slot(v, w).</summary>
    private PyValue CallSlot(string slot)
    {
        if (slot == "int")
        {
            // long_* begin with CHECK_BINOP: an operand that is not an int gives NotImplemented.
            Emit("int-slot", $"int's nb_{Names.Dunder.Trim('_')}({left.Text}, {right.Text}) returns NotImplemented: one operand is not an int.", $"long_{Names.Dunder.Trim('_')}", null, NotImplemented);
            return NotImplemented;
        }

        return SlotBinFull(left, right);
    }

    /// <summary>SLOT1BINFULL: self's method (or other's reflected one first, for an overriding subclass), then other's reflected one.</summary>
    private PyValue SlotBinFull(Operand self, Operand other)
    {
        var function = $"slot_nb_{Names.Dunder.Trim('_')}";
        var doOther = !SameType(self, other) && other.Class is not null && Slot(other) == "slot";
        if (self.Class is not null && Slot(self) == "slot")
        {
            if (doOther && IsSubtype(other, self) && MethodIsOverloaded(self.Class, other.Class!, Names.Reflected))
            {
                var r = CallMaybe(other, Names.Reflected, self, function);
                if (!ReferenceEquals(r, NotImplemented))
                {
                    return r;
                }

                doOther = false;
            }

            var result = CallMaybe(self, Names.Dunder, other, function);
            if (!ReferenceEquals(result, NotImplemented) || SameType(self, other))
            {
                return result;
            }
        }

        return doOther ? CallMaybe(other, Names.Reflected, self, function) : NotImplemented;
    }

    /// <summary>method_is_overloaded: the right class has the reflected method and it is not the left class's.</summary>
    private static bool MethodIsOverloaded(UserClass leftClass, UserClass rightClass, string name)
    {
        var b = rightClass.Owner(name);
        if (b is null)
        {
            return false;
        }

        var a = leftClass.Owner(name);
        return a is null || !ReferenceEquals(a, b);
    }

    /// <summary>vectorcall_maybe: look the method up on the type; absent means NotImplemented.</summary>
    private PyValue CallMaybe(Operand self, string name, Operand other, string function)
    {
        var owner = self.Class!.Owner(name);
        if (owner is null)
        {
            Emit("missing", $"{self.TypeName} has no {name}: NotImplemented.", function, null, NotImplemented);
            return NotImplemented;
        }

        return Call(owner, name, self, other, function);
    }

    private PyValue Call(UserClass owner, string name, Operand self, Operand other, string function)
    {
        var label = $"{owner.Name}.{name}";
        _calls.Add(label);
        var value = owner.Methods[name] ?? NotImplemented;
        if (!ReferenceEquals(value, NotImplemented))
        {
            _answeredBy = label;
        }

        Emit("call", $"{label}({self.Text}, {other.Text}) returns {value.Repr()}.", function, label, value);
        return value;
    }

    // ------------------------------------------------------------------ len() and truth

    private static readonly System.Numerics.BigInteger SsizeMax = long.MaxValue;

    /// <summary>PyObject_Size through slot_sq_length: __len__'s result must be an index (PyNumber_AsSsize_t), not negative.</summary>
    private PyValue Length()
    {
        if (left.Class!.Owner("__len__") is not { } owner)
        {
            Emit("no-len", $"{left.TypeName} defines no __len__: the type has no sq_length.", "PyObject_Size", null, null);
            throw new OperatorError(new PythonError("TypeError", $"object of type '{left.TypeName}' has no len()"));
        }

        return new PyInt(LenOf(owner));
    }

    private System.Numerics.BigInteger LenOf(UserClass owner)
    {
        var value = Call(owner, "__len__", left, left, "slot_sq_length");
        System.Numerics.BigInteger n = value switch
        {
            PyBool b => b.Value ? 1 : 0,
            PyInt i => i.Value,
            _ => throw new OperatorError(new PythonError("TypeError", $"'{value.TypeName}' object cannot be interpreted as an integer")),
        };
        // slot_sq_length: PyNumber_Index, then the sign check, then PyNumber_AsSsize_t (so a huge negative
        // length is a ValueError, a huge positive one an OverflowError).
        if (n < 0)
        {
            throw new OperatorError(new PythonError("ValueError", "__len__() should return >= 0"));
        }

        if (n > SsizeMax)
        {
            throw new OperatorError(new PythonError("OverflowError", "cannot fit 'int' into an index-sized integer"));
        }

        return n;
    }

    /// <summary>slot_nb_bool: __bool__ (which must return a bool), else __len__ != 0, else true.</summary>
    private PyValue Truth()
    {
        if (left.Class!.Owner("__bool__") is { } owner)
        {
            var value = Call(owner, "__bool__", left, left, "slot_nb_bool");
            return value is PyBool b
                ? b
                : throw new OperatorError(new PythonError("TypeError", $"__bool__ should return bool, returned {value.TypeName}"));
        }

        if (left.Class.Owner("__len__") is { } lenOwner)
        {
            Emit("len-truth", $"{left.TypeName} defines no __bool__: its truth is __len__() != 0.", "slot_nb_bool", null, null);
            return LenOf(lenOwner).IsZero ? PyBool.False : PyBool.True;
        }

        Emit("default-truth", $"{left.TypeName} defines neither __bool__ nor __len__: every instance is true.", "PyObject_IsTrue", null, PyBool.True);
        _answeredBy = null;
        return PyBool.True;
    }

    // ------------------------------------------------------------------ comparisons

    private PyValue RichCompare()
    {
        var (_, swapped) = Comparisons[op];
        var checkedReverse = false;
        if (!SameType(left, right) && IsSubtype(right, left))
        {
            checkedReverse = true;
            Emit("subclass-first", $"{right.TypeName} is a subclass of {left.TypeName}: its reflected comparison ({swapped}) goes first.", "do_richcompare", null, null);
            var first = RichSlot(right, left, swapped);
            if (!ReferenceEquals(first, NotImplemented))
            {
                return first;
            }
        }

        var res = RichSlot(left, right, op);
        if (!ReferenceEquals(res, NotImplemented))
        {
            return res;
        }

        if (!checkedReverse)
        {
            res = RichSlot(right, left, swapped);
            if (!ReferenceEquals(res, NotImplemented))
            {
                return res;
            }
        }

        switch (op)
        {
            case "==":
                Emit("identity", $"Both sides gave NotImplemented: == falls back to identity, and {left.Text} is not {right.Text}.", "do_richcompare", null, PyBool.False);
                _answeredBy = null;
                return PyBool.False;
            case "!=":
                Emit("identity", $"Both sides gave NotImplemented: != falls back to identity, and {left.Text} is not {right.Text}.", "do_richcompare", null, PyBool.True);
                _answeredBy = null;
                return PyBool.True;
            default:
                throw new OperatorError(new PythonError("TypeError", $"'{op}' not supported between instances of '{left.TypeName}' and '{right.TypeName}'"));
        }
    }

    /// <summary>tp_richcompare(self, other, op): int's (CHECK_BINOP), or the class's method, or object's default.</summary>
    private PyValue RichSlot(Operand self, Operand other, string comparison)
    {
        var dunder = Comparisons[comparison].Dunder;
        if (self.Class is null)
        {
            Emit("int-slot", $"int's tp_richcompare({self.Text}, {other.Text}, {comparison}) returns NotImplemented: {other.TypeName} is not an int.", "long_richcompare", null, NotImplemented);
            return NotImplemented;
        }

        if (self.Class.Owner(dunder) is { } owner)
        {
            return Call(owner, dunder, self, other, "slot_tp_richcompare");
        }

        if (comparison == "!=")
        {
            // object_richcompare: __ne__ calls tp_richcompare(self, other, Py_EQ) and inverts a real answer.
            Emit("default-ne", $"{self.TypeName} does not define __ne__: object.__ne__ asks __eq__ and inverts it.", "object_richcompare", "object.__ne__", null);
            var eq = RichSlot(self, other, "==");
            if (ReferenceEquals(eq, NotImplemented))
            {
                return NotImplemented;
            }

            var inverted = Truthy(eq) ? PyBool.False : PyBool.True;
            Emit("invert", $"object.__ne__ inverts {eq.Repr()} to {inverted.Repr()}.", "object_richcompare", "object.__ne__", inverted);
            return inverted;
        }

        Emit("default", $"{self.TypeName} does not define {dunder}: object's default returns NotImplemented.", "object_richcompare", $"object.{dunder}", NotImplemented);
        return NotImplemented;
    }

    private static bool Truthy(PyValue value) => value switch
    {
        PyNone => false,
        PyBool b => ReferenceEquals(b, PyBool.True),
        PyInt i => !i.Value.IsZero,
        PyStr s => s.CodePoints.Count > 0,
        PyFloat f => f.Value != 0,
        _ => true,
    };
}
