using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// Comparisons: Objects/object.c <c>do_richcompare</c> with <c>slot_tp_richcompare</c> and
/// <c>object_richcompare</c> (the reflected operator first for a subclass, the default <c>__ne__</c> inverts
/// <c>__eq__</c>, <c>==</c> and <c>!=</c> fall back to identity).
/// </summary>
internal sealed partial class OperatorDispatchRun
{
    /// <summary>Symbol → (method, the swapped operator _Py_SwappedOp gives for the reflected try).</summary>
    public static readonly IReadOnlyDictionary<string, (string Dunder, string Swapped)> Comparisons = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["=="] = ("__eq__", "=="), ["!="] = ("__ne__", "!="), ["<"] = ("__lt__", ">"), [">"] = ("__gt__", "<"),
        ["<="] = ("__le__", ">="), [">="] = ("__ge__", "<="),
    };

    /// <summary>do_richcompare(v, w, op); <paramref name="v"/> and <paramref name="w"/> are never two constants.</summary>
    private PyValue RichCompare(Operand v, string comparison, Operand w)
    {
        var (_, swapped) = Comparisons[comparison];
        var checkedReverse = false;
        if (!SameType(v, w) && IsSubtype(w, v))
        {
            checkedReverse = true;
            Emit("subclass-first", $"{w.TypeName} is a subclass of {v.TypeName}: its reflected comparison ({swapped}) goes first.", "do_richcompare", null, null);
            var first = RichSlot(w, v, swapped);
            if (!ReferenceEquals(first, NotImplemented))
            {
                return first;
            }
        }

        var res = RichSlot(v, w, comparison);
        if (!ReferenceEquals(res, NotImplemented))
        {
            return res;
        }

        if (!checkedReverse)
        {
            res = RichSlot(w, v, swapped);
            if (!ReferenceEquals(res, NotImplemented))
            {
                return res;
            }
        }

        switch (comparison)
        {
            case "==":
                Emit("identity", $"Both sides gave NotImplemented: == falls back to identity, and {v.Text} is not {w.Text}.", "do_richcompare", null, PyBool.False);
                _answeredBy = null;
                return PyBool.False;
            case "!=":
                Emit("identity", $"Both sides gave NotImplemented: != falls back to identity, and {v.Text} is not {w.Text}.", "do_richcompare", null, PyBool.True);
                _answeredBy = null;
                return PyBool.True;
            default:
                throw Raise("TypeError", $"'{comparison}' not supported between instances of '{v.TypeName}' and '{w.TypeName}'");
        }
    }

    /// <summary>tp_richcompare(self, other, op): a builtin constant's (NotImplemented for another type), or the class's method, or object's default.</summary>
    private PyValue RichSlot(Operand self, Operand other, string comparison)
    {
        var dunder = Comparisons[comparison].Dunder;
        if (self.Class is null)
        {
            Emit("int-slot", $"{self.TypeName}'s tp_richcompare({self.Text}, {other.Text}, {comparison}) returns NotImplemented: it only compares with its own kind.", BuiltinRichCompare(self.TypeName), null, NotImplemented);
            return NotImplemented;
        }

        if (self.Class.Owner(dunder) is { } owner)
        {
            return Call(owner, dunder, "slot_tp_richcompare", $"{self.Text}, {other.Text}");
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

            var inverted = IsTrue(eq) ? PyBool.False : PyBool.True;
            Emit("invert", $"object.__ne__ inverts {eq.Repr()} to {inverted.Repr()}.", "object_richcompare", "object.__ne__", inverted);
            return inverted;
        }

        Emit("default", $"{self.TypeName} does not define {dunder}: object's default returns NotImplemented.", "object_richcompare", $"object.{dunder}", NotImplemented);
        return NotImplemented;
    }

    /// <summary>The tp_richcompare of a constant's type.</summary>
    private static string BuiltinRichCompare(string type) => type switch
    {
        "int" or "bool" => "long_richcompare",
        "float" => "float_richcompare",
        "str" => "PyUnicode_RichCompare",
        _ => "object_richcompare",
    };
}
