namespace Pynsights.Simulation.Values;

/// <summary>A Python complex number.</summary>
public sealed class PyComplex(double real, double imag) : PyValue
{
    public double Real { get; } = real;

    public double Imag { get; } = imag;

    public override string TypeName => "complex";

    /// <summary>
    /// <c>complex_repr</c> (Objects/complexobject.c): a real part of +0.0 is left out and so are the parentheses;
    /// otherwise "(re±imj)". Neither part gets ".0".
    /// </summary>
    public override string Repr()
    {
        if (Real == 0.0 && !double.IsNegative(Real))
        {
            return FloatRepr.Format(Imag, addDotZero: false, forceSign: false) + "j";
        }

        return "(" + FloatRepr.Format(Real, addDotZero: false, forceSign: false)
            + FloatRepr.Format(Imag, addDotZero: false, forceSign: true) + "j)";
    }
}
