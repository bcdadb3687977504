using System.Numerics;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>len() and truth: <c>slot_sq_length</c> and <c>slot_nb_bool</c> (Objects/typeobject.c).</summary>
internal sealed partial class OperatorDispatchRun
{
    private static readonly BigInteger SsizeMax = long.MaxValue;

    /// <summary>PyObject_Size through slot_sq_length: __len__'s result must be an index (PyNumber_AsSsize_t), not negative.</summary>
    private PyValue Length()
    {
        if (left.Class!.Owner("__len__") is not { } owner)
        {
            Emit("no-len", $"{left.TypeName} defines no __len__: the type has no sq_length.", "PyObject_Size", null, null);
            throw Raise("TypeError", $"object of type '{left.TypeName}' has no len()");
        }

        return new PyInt(LenOf(owner, left));
    }

    private BigInteger LenOf(UserClass owner, Operand self)
    {
        var value = Call(owner, "__len__", "slot_sq_length", self.Text);
        BigInteger n = value switch
        {
            PyBool b => b.Value ? 1 : 0,
            PyInt i => i.Value,
            _ => throw Raise("TypeError", $"'{value.TypeName}' object cannot be interpreted as an integer"),
        };
        // slot_sq_length: PyNumber_Index, then the sign check, then PyNumber_AsSsize_t (so a huge negative
        // length is a ValueError, a huge positive one an OverflowError).
        if (n < 0)
        {
            throw Raise("ValueError", "__len__() should return >= 0");
        }

        if (n > SsizeMax)
        {
            throw Raise("OverflowError", "cannot fit 'int' into an index-sized integer");
        }

        return n;
    }

    /// <summary>slot_nb_bool: __bool__ (which must return a bool), else __len__ != 0, else true.</summary>
    private PyValue Truth()
    {
        if (left.Class!.Owner("__bool__") is { } owner)
        {
            var value = Call(owner, "__bool__", "slot_nb_bool", left.Text);
            return value is PyBool b
                ? b
                : throw Raise("TypeError", $"__bool__ should return bool, returned {value.TypeName}");
        }

        if (left.Class.Owner("__len__") is { } lenOwner)
        {
            Emit("len-truth", $"{left.TypeName} defines no __bool__: its truth is __len__() != 0.", "slot_nb_bool", null, null);
            return LenOf(lenOwner, left).IsZero ? PyBool.False : PyBool.True;
        }

        Emit("default-truth", $"{left.TypeName} defines neither __bool__ nor __len__: every instance is true.", "PyObject_IsTrue", null, PyBool.True);
        _answeredBy = null;
        return PyBool.True;
    }
}
