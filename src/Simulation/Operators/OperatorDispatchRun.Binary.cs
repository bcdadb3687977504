using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// Binary and in-place operators: Objects/abstract.c <c>binary_op1</c> / <c>binary_iop1</c> (for <c>**</c>,
/// <c>ternary_op</c> / <c>ternary_iop</c> with a third operand None, which has no nb_power) and, for classes,
/// Objects/typeobject.c <c>SLOT1BINFULL</c>: the reflected method first when the right operand's class is a
/// subclass that overrides it (<c>method_is_overloaded</c>).
/// </summary>
internal sealed partial class OperatorDispatchRun
{
    /// <summary>Symbol → (method, reflected method, the nb_* slot's name).</summary>
    public static readonly IReadOnlyDictionary<string, (string Dunder, string Reflected, string Slot)> Binary = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
    {
        ["+"] = ("__add__", "__radd__", "add"), ["-"] = ("__sub__", "__rsub__", "subtract"), ["*"] = ("__mul__", "__rmul__", "multiply"),
        ["@"] = ("__matmul__", "__rmatmul__", "matrix_multiply"), ["/"] = ("__truediv__", "__rtruediv__", "true_divide"),
        ["//"] = ("__floordiv__", "__rfloordiv__", "floor_divide"), ["%"] = ("__mod__", "__rmod__", "remainder"),
        ["**"] = ("__pow__", "__rpow__", "power"),
        ["<<"] = ("__lshift__", "__rlshift__", "lshift"), [">>"] = ("__rshift__", "__rrshift__", "rshift"),
        ["&"] = ("__and__", "__rand__", "and"), ["|"] = ("__or__", "__ror__", "or"), ["^"] = ("__xor__", "__rxor__", "xor"),
    };

    /// <summary>The in-place method (__iadd__, ...) for this operator.</summary>
    public static string InPlaceDunder(string op) => "__i" + Binary[op].Dunder[2..];

    private (string Dunder, string Reflected, string Slot) Names => Binary[op];

    /// <summary>** goes through ternary_op (PyNumber_Power), the others through binary_op1.</summary>
    private string Dispatcher => op == "**" ? "ternary_op" : "binary_op1";

    /// <summary>The operator as the TypeError names it: PyNumber_Power says "** or pow()", in-place ones "op=".</summary>
    private string ErrorName => inPlace ? op + "=" : op == "**" ? "** or pow()" : op;

    /// <summary>The nb_* slot of an operand's type: slot_nb_* for a class defining the method or its reflection, int's own, or none.</summary>
    private string? Slot(Operand operand)
    {
        if (operand.Class is { } cls)
        {
            return cls.Owner(Names.Dunder) is not null || cls.Owner(Names.Reflected) is not null ? "slot" : null;
        }

        return op == "@" ? null : "int";
    }

    private static bool SameType(Operand a, Operand b) => ReferenceEquals(a.Class, b.Class) && (a.Class is not null || a.Constant!.TypeName == b.Constant!.TypeName);

    /// <summary>PyType_IsSubtype(type(a), type(b)): along the MRO; constants are builtins no source class derives from.</summary>
    private static bool IsSubtype(Operand a, Operand b) =>
        a.Class is { } x && b.Class is { } y ? x.IsSubtypeOf(y) : a.Class is null && b.Class is null && a.Constant!.TypeName == b.Constant!.TypeName;

    private PyValue BinaryOp1()
    {
        var dispatcher = Dispatcher;
        var slotv = Slot(left);
        var slotw = SameType(left, right) ? null : Slot(right);
        if (slotw == slotv)
        {
            slotw = null;
        }

        Emit("slots", $"{dispatcher}: type {left.TypeName} has {Describe(slotv)}, type {right.TypeName} has {Describe(slotw)}"
            + (slotw is null && slotv is not null && Slot(right) is not null && !SameType(left, right) ? " (the same C function, so it is tried once and handles both sides)." : "."), dispatcher, null, null);
        if (slotv is not null)
        {
            if (slotw is not null && IsSubtype(right, left))
            {
                Emit("subclass-first", $"{right.TypeName} is a subclass of {left.TypeName}: its slot goes first.", dispatcher, null, null);
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

        throw Raise("TypeError", $"unsupported operand type(s) for {ErrorName}: '{left.TypeName}' and '{right.TypeName}'");
    }

    /// <summary>
    /// binary_iop1 / ternary_iop: the left operand's nb_inplace_* slot first (slot_nb_inplace_* calls __iop__,
    /// present only when the class defines it; int has none), then binary_op1 / ternary_op when it gives
    /// NotImplemented.
    /// </summary>
    private PyValue BinaryIOp1()
    {
        var dispatcher = op == "**" ? "ternary_iop" : "binary_iop1";
        var dunder = InPlaceDunder(op);
        if (left.Class?.Owner(dunder) is { } owner)
        {
            Emit("inplace-slot", $"{left.TypeName} has nb_inplace_{Names.Slot} from {owner.Name}.{dunder}: it is tried first.", dispatcher, null, null);
            var value = Call(owner, dunder, $"slot_nb_inplace_{Names.Slot}", $"{left.Text}, {right.Text}");
            if (!ReferenceEquals(value, NotImplemented))
            {
                return value;
            }
        }
        else
        {
            Emit("inplace-slot", $"{left.TypeName} has no nb_inplace_{Names.Slot} ({dunder} is not defined): {Dispatcher} decides.", dispatcher, null, null);
        }

        return BinaryOp1();
    }

    private string Describe(string? slot) => slot switch
    {
        "slot" => $"slot_nb_{Names.Slot} (from {Names.Dunder}/{Names.Reflected})",
        "int" => $"int's own nb_{Names.Slot}",
        _ => "no slot",
    };

    /// <summary>Calls a slot as binary_op1 does, always as slot(v, w).</summary>
    private PyValue CallSlot(string slot)
    {
        if (slot == "int")
        {
            // long_* begin with CHECK_BINOP: an operand that is not an int gives NotImplemented.
            Emit("int-slot", $"int's nb_{Names.Slot}({left.Text}, {right.Text}) returns NotImplemented: one operand is not an int.", $"long_{Names.Dunder.Trim('_')}", null, NotImplemented);
            return NotImplemented;
        }

        return SlotBinFull(left, right);
    }

    /// <summary>SLOT1BINFULL: self's method (or other's reflected one first, for an overriding subclass), then other's reflected one.</summary>
    private PyValue SlotBinFull(Operand self, Operand other)
    {
        var function = $"slot_nb_{Names.Slot}";
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

    /// <summary>
    /// method_is_overloaded: getattr(type(right), name) differs from getattr(type(left), name). Both come from the
    /// MRO; two None values are the same object. type itself has __ror__ (for X | Y unions, 3.10+), so when
    /// neither class defines __ror__ the two lookups give type.__ror__ bound to different classes: unequal.
    /// </summary>
    private static bool MethodIsOverloaded(UserClass leftClass, UserClass rightClass, string name)
    {
        var b = rightClass.Owner(name);
        if (b is null)
        {
            return name == "__ror__";
        }

        var a = leftClass.Owner(name);
        return a is null || !(ReferenceEquals(a, b) || (a.Methods[name].Kind == BodyKind.None && b.Methods[name].Kind == BodyKind.None));
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

        return Call(owner, name, function, $"{self.Text}, {other.Text}");
    }
}
