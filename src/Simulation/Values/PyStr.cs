using System.Globalization;
using System.Text;

namespace Pynsights.Simulation.Values;

/// <summary>
/// A Python str as its sequence of code points (lone surrogates included, as CPython allows them), so that the
/// PEP 393 kind (1, 2 or 4 bytes per character) and the hashed bytes are CPython's.
/// </summary>
public sealed class PyStr : PyValue
{
    private readonly int[] _codePoints;

    public PyStr(IEnumerable<int> codePoints)
    {
        _codePoints = [.. codePoints];
        MaxChar = _codePoints.Length == 0 ? 0 : _codePoints.Max();
    }

    public IReadOnlyList<int> CodePoints => _codePoints;

    public int MaxChar { get; }

    /// <summary>PEP 393 kind: bytes per character of the canonical representation (<c>PyUnicode_KIND</c>).</summary>
    public int Kind => MaxChar < 0x100 ? 1 : MaxChar < 0x10000 ? 2 : 4;

    public override string TypeName => "str";

    /// <summary>The bytes <c>unicode_hash</c> hashes: <c>PyUnicode_DATA</c> for <c>len * kind</c> bytes, little-endian.</summary>
    public byte[] KindBytes()
    {
        var kind = Kind;
        var bytes = new byte[_codePoints.Length * kind];
        for (var i = 0; i < _codePoints.Length; i++)
        {
            var c = _codePoints[i];
            for (var b = 0; b < kind; b++)
            {
                bytes[(i * kind) + b] = (byte)(c >> (8 * b));
            }
        }

        return bytes;
    }

    public bool SameText(PyStr other) => _codePoints.AsSpan().SequenceEqual(other._codePoints);

    /// <summary><c>unicode_repr</c> (Objects/unicodeobject.c).</summary>
    public override string Repr()
    {
        var quote = _codePoints.Contains('\'') && !_codePoints.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in _codePoints)
        {
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append((char)c);
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (c < ' ' || c == 0x7f)
            {
                builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x7f)
            {
                builder.Append((char)c);
            }
            else if (IsPrintable(c))
            {
                builder.Append(char.ConvertFromUtf32(c));
            }
            else if (c <= 0xff)
            {
                builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c <= 0xffff)
            {
                builder.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>
    /// <c>Py_UNICODE_ISPRINTABLE</c>: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space.
    /// The categories come from .NET's Unicode tables, which may be a newer Unicode version than the CPython one
    /// (unassigned code points can differ).
    /// </summary>
    internal static bool IsPrintable(int c)
    {
        if (c == ' ')
        {
            return true;
        }

        if (c is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
