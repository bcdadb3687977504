using System.Globalization;
using System.Text;

namespace Pynsights.Simulation.Values;

/// <summary>
/// CPython's <c>PyOS_double_to_string(x, 'r', 0, flags)</c> (Python/pystrtod.c, <c>format_float_short</c>): the
/// shortest digits that round-trip, in positional notation when the decimal point position <c>decpt</c> is in
/// (-4, 16], else exponent notation with a sign and at least two exponent digits (<c>1e+16</c>, <c>1e-05</c>).
/// </summary>
internal static class FloatRepr
{
    public static string Format(double value, bool addDotZero, bool forceSign)
    {
        if (double.IsNaN(value))
        {
            // format_float_short ignores the sign of a nan.
            return forceSign ? "+nan" : "nan";
        }

        var negative = double.IsNegative(value);
        var sign = negative ? "-" : forceSign ? "+" : "";
        if (double.IsInfinity(value))
        {
            return sign + "inf";
        }

        var (digits, decpt) = ShortestDigits(Math.Abs(value));
        var builder = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = decpt - 1;
            builder.Append('e').Append(exponent < 0 ? '-' : '+')
                .Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
            return builder.ToString();
        }

        if (decpt <= 0)
        {
            builder.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            builder.Append(digits).Append('0', decpt - digits.Length);
            if (addDotZero)
            {
                builder.Append(".0");
            }
        }
        else
        {
            builder.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The shortest round-trip significant digits of a finite non-negative double (no trailing zeros) and the
    /// position of the decimal point, as <c>_Py_dg_dtoa</c> mode 0 gives them: value = 0.DIGITS × 10^decpt.
    /// .NET's "R" format yields the same shortest digit string.
    /// </summary>
    internal static (string Digits, int Decpt) ShortestDigits(double value)
    {
        if (value == 0.0)
        {
            return ("0", 1);
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = point < 0 ? mantissa : mantissa[..point];
        var fracPart = point < 0 ? "" : mantissa[(point + 1)..];
        var all = intPart + fracPart;
        var decpt = intPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        decpt -= leading;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, decpt);
    }
}
