using System.Numerics;

namespace Pynsights.Simulation.Values;

/// <summary>
/// <c>+ - * **</c> on int, bool, float and complex with CPython 3.11's rules (Objects/longobject.c,
/// floatobject.c <c>float_pow</c>, complexobject.c <c>complex_pow</c>, <c>_Py_c_prod</c>, <c>_Py_c_quot</c>):
/// ints stay exact, a negative int exponent gives a float, a negative float to a fractional power gives a complex.
/// </summary>
internal static class NumberArithmetic
{
    internal readonly record struct Outcome(PyValue? Value, PythonError? Error, bool TooBig);

    private static Outcome Ok(PyValue v) => new(v, null, false);

    private static Outcome Err(string type, string message) => new(null, new PythonError(type, message), false);

    public static Outcome Apply(string op, PyValue a, PyValue b)
    {
        if (AsInt(a) is { } x && AsInt(b) is { } y)
        {
            return op switch
            {
                "+" => Ok(new PyInt(x + y)),
                "-" => Ok(new PyInt(x - y)),
                "*" => Ok(new PyInt(x * y)),
                _ => IntPow(x, y),
            };
        }

        if (a is PyComplex || b is PyComplex)
        {
            if (AsComplex(a) is not { } ca || AsComplex(b) is not { } cb)
            {
                return Err("OverflowError", "int too large to convert to float");
            }

            return op switch
            {
                "+" => Ok(new PyComplex(ca.Re + cb.Re, ca.Im + cb.Im)),
                "-" => Ok(new PyComplex(ca.Re - cb.Re, ca.Im - cb.Im)),
                "*" => Ok(Prod(ca, cb).ToValue()),
                _ => ComplexPow(ca, cb),
            };
        }

        if (AsDouble(a) is not { } fa || AsDouble(b) is not { } fb)
        {
            return Err("OverflowError", "int too large to convert to float");
        }

        return op switch
        {
            "+" => Ok(new PyFloat(fa + fb)),
            "-" => Ok(new PyFloat(fa - fb)),
            "*" => Ok(new PyFloat(fa * fb)),
            _ => FloatPow(fa, fb),
        };
    }

    private static BigInteger? AsInt(PyValue v) => v switch
    {
        PyInt i => i.Value,
        PyBool b => b.Value ? BigInteger.One : BigInteger.Zero,
        _ => null,
    };

    /// <summary><c>PyLong_AsDouble</c> (round-half-even) or null on overflow.</summary>
    private static double? AsDouble(PyValue v)
    {
        if (v is PyFloat f)
        {
            return f.Value;
        }

        var i = AsInt(v)!.Value;
        var d = (double)i;
        return double.IsInfinity(d) ? null : d;
    }

    private readonly record struct C(double Re, double Im)
    {
        public PyComplex ToValue() => new(Re, Im);
    }

    private static C? AsComplex(PyValue v) => v is PyComplex c ? new C(c.Real, c.Imag) : AsDouble(v) is { } d ? new C(d, 0.0) : null;

    private static C Prod(C a, C b) => new((a.Re * b.Re) - (a.Im * b.Im), (a.Re * b.Im) + (a.Im * b.Re));

    private static Outcome IntPow(BigInteger x, BigInteger y)
    {
        if (y.Sign < 0)
        {
            // long_pow hands a negative exponent to float_pow.
            if (AsDouble(new PyInt(x)) is not { } fx || AsDouble(new PyInt(y)) is not { } fy)
            {
                return Err("OverflowError", "int too large to convert to float");
            }

            return FloatPow(fx, fy);
        }

        var magnitude = BigInteger.Abs(x);
        if (magnitude <= 1)
        {
            return Ok(new PyInt(x.IsZero ? (y.IsZero ? 1 : 0) : x.IsOne ? 1 : (y.IsEven ? 1 : -1)));
        }

        if (y > ValueParser.MaxResultBits || (magnitude.GetBitLength() - 1) * (long)y > ValueParser.MaxResultBits)
        {
            return new Outcome(null, null, true);
        }

        return Ok(new PyInt(BigInteger.Pow(x, (int)y)));
    }

    private static Outcome FloatPow(double iv, double iw)
    {
        if (iw == 0)
        {
            return Ok(new PyFloat(1.0));
        }

        if (double.IsNaN(iv))
        {
            return Ok(new PyFloat(iv));
        }

        if (double.IsNaN(iw))
        {
            return Ok(new PyFloat(iv == 1.0 ? 1.0 : iw));
        }

        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            return iv == 1.0 ? Ok(new PyFloat(1.0)) : (iw > 0.0) == (iv > 1.0) ? Ok(new PyFloat(Math.Abs(iw))) : Ok(new PyFloat(0.0));
        }

        var iwIsOdd = Math.Floor(iw) == iw && Math.IEEERemainder(iw, 2.0) != 0.0;
        if (double.IsInfinity(iv))
        {
            return iw > 0.0 ? Ok(new PyFloat(iwIsOdd ? iv : Math.Abs(iv))) : Ok(new PyFloat(iwIsOdd ? Math.CopySign(0.0, iv) : 0.0));
        }

        if (iv == 0.0)
        {
            return iw < 0.0 ? Err("ZeroDivisionError", "0.0 cannot be raised to a negative power") : Ok(new PyFloat(iwIsOdd ? iv : 0.0));
        }

        var negate = false;
        if (iv < 0.0)
        {
            if (iw != Math.Floor(iw))
            {
                // Negative numbers raised to fractional powers become complex.
                return ComplexPow(new C(iv, 0.0), new C(iw, 0.0));
            }

            iv = -iv;
            negate = iwIsOdd;
        }

        if (iv == 1.0)
        {
            return Ok(new PyFloat(negate ? -1.0 : 1.0));
        }

        var ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix))
        {
            return Err("OverflowError", "(34, 'Numerical result out of range')");
        }

        return Ok(new PyFloat(negate ? -ix : ix));
    }

    private static Outcome ComplexPow(C a, C b)
    {
        C p;
        var edom = false;
        if (b.Im == 0.0 && b.Re == Math.Floor(b.Re) && Math.Abs(b.Re) <= 100.0)
        {
            p = PowI(a, (long)b.Re, ref edom);
        }
        else
        {
            p = CPow(a, b, ref edom);
        }

        if (double.IsInfinity(p.Re) || double.IsInfinity(p.Im))
        {
            return Err("OverflowError", "complex exponentiation");
        }

        return edom ? Err("ZeroDivisionError", "0.0 to a negative or complex power") : Ok(p.ToValue());
    }

    private static C PowI(C x, long n, ref bool edom)
    {
        if (n > 0)
        {
            return PowU(x, n);
        }

        return Quot(new C(1.0, 0.0), PowU(x, -n), ref edom);
    }

    private static C PowU(C x, long n)
    {
        var r = new C(1.0, 0.0);
        var p = x;
        long mask = 1;
        while (mask > 0 && n >= mask)
        {
            if ((n & mask) != 0)
            {
                r = Prod(r, p);
            }

            mask <<= 1;
            p = Prod(p, p);
        }

        return r;
    }

    private static C Quot(C a, C b, ref bool edom)
    {
        var absBr = Math.Abs(b.Re);
        var absBi = Math.Abs(b.Im);
        if (absBr >= absBi)
        {
            if (absBr == 0.0)
            {
                edom = true;
                return new C(0.0, 0.0);
            }

            var ratio = b.Im / b.Re;
            var denom = b.Re + (b.Im * ratio);
            return new C((a.Re + (a.Im * ratio)) / denom, (a.Im - (a.Re * ratio)) / denom);
        }

        if (absBi >= absBr)
        {
            var ratio = b.Re / b.Im;
            var denom = (b.Re * ratio) + b.Im;
            return new C(((a.Re * ratio) + a.Im) / denom, ((a.Im * ratio) - a.Re) / denom);
        }

        return new C(double.NaN, double.NaN);
    }

    private static C CPow(C a, C b, ref bool edom)
    {
        if (b.Re == 0.0 && b.Im == 0.0)
        {
            return new C(1.0, 0.0);
        }

        if (a.Re == 0.0 && a.Im == 0.0)
        {
            if (b.Im != 0.0 || b.Re < 0.0)
            {
                edom = true;
            }

            return new C(0.0, 0.0);
        }

        var vabs = double.Hypot(a.Re, a.Im);
        var len = Math.Pow(vabs, b.Re);
        var at = Math.Atan2(a.Im, a.Re);
        var phase = at * b.Re;
        if (b.Im != 0.0)
        {
            len /= Math.Exp(at * b.Im);
            phase += b.Im * Math.Log(vabs);
        }

        return new C(len * Math.Cos(phase), len * Math.Sin(phase));
    }
}
