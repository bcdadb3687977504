using System.Numerics;

namespace Pynsights.Simulation.Values;

/// <summary>
/// Python's <c>==</c> between two values as a dict or set compares keys whose hashes match (after the identity
/// check, which never succeeds here: every parsed key is a fresh object). Numbers compare exactly across int,
/// bool, float and complex, as <c>float_richcompare</c> and <c>complex_richcompare</c> do.
/// </summary>
internal static class PyEquality
{
    public static bool Equal(PyValue a, PyValue b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return NumbersEqual(a, b);
        }

        return (a, b) switch
        {
            (PyStr x, PyStr y) => x.SameText(y),
            (PyBytes x, PyBytes y) => x.Data.SequenceEqual(y.Data),
            (PyNone, PyNone) => true,
            (PyTuple x, PyTuple y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
            (PyFrozenSet x, PyFrozenSet y) => x.Items.Count == y.Items.Count && x.Items.All(i => y.Items.Any(j => Equal(i, j))),
            _ => false,
        };
    }

    public static bool IsNumber(PyValue v) => v is PyInt or PyBool or PyFloat or PyComplex;

    private static bool NumbersEqual(PyValue a, PyValue b)
    {
        var (ar, ai) = Parts(a);
        var (br, bi) = Parts(b);
        return RealEqual(ar, br) && RealEqual(ai, bi);
    }

    /// <summary>A real part: either an exact integer or a double.</summary>
    private static (object Real, object Imag) Parts(PyValue v) => v switch
    {
        PyInt i => (i.Value, BigInteger.Zero),
        PyBool b => (b.Value ? BigInteger.One : BigInteger.Zero, BigInteger.Zero),
        PyFloat f => (f.Value, BigInteger.Zero),
        PyComplex c => (c.Real, c.Imag),
        _ => throw new ArgumentException("not a number", nameof(v)),
    };

    private static bool RealEqual(object x, object y) => (x, y) switch
    {
        (BigInteger p, BigInteger q) => p == q,
        (double p, double q) => p == q,
        (BigInteger p, double q) => IntEqualsDouble(p, q),
        (double p, BigInteger q) => IntEqualsDouble(q, p),
        _ => false,
    };

    /// <summary>Exact comparison of an int with a double, as <c>float_richcompare</c> does (no rounding of the int).</summary>
    internal static bool IntEqualsDouble(BigInteger i, double d) =>
        double.IsFinite(d) && Math.Floor(d) == d && new BigInteger(d) == i;
}
