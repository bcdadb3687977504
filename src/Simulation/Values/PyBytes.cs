using System.Globalization;
using System.Text;

namespace Pynsights.Simulation.Values;

/// <summary>A Python bytes object.</summary>
public sealed class PyBytes(byte[] data) : PyValue
{
    private readonly byte[] _data = data;

    public ReadOnlySpan<byte> Data => _data;

    public override string TypeName => "bytes";

    /// <summary><c>PyBytes_Repr</c> (Objects/bytesobject.c) with smartquotes.</summary>
    public override string Repr()
    {
        var quote = _data.Contains((byte)'\'') && !_data.Contains((byte)'"') ? '"' : '\'';
        var builder = new StringBuilder("b").Append(quote);
        foreach (var c in _data)
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
            else if (c < ' ' || c >= 0x7f)
            {
                builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)c);
            }
        }

        return builder.Append(quote).ToString();
    }
}
