using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pynsights.Simulation;

/// <summary>
/// JSON written by hand into a pooled buffer, for steps made by the million: punctuation and property names are
/// copied as UTF-8 literals, numbers formatted in place, and strings escaped exactly as <see cref="SimulationJson"/>'s
/// encoder escapes them (ASCII the encoder leaves alone is copied; anything else goes through the encoder itself).
/// A test holds the result byte-for-byte equal to serializing the same step.
/// </summary>
internal ref struct RawJson
{
    /// <summary>For each ASCII character, whether the encoder writes it as it is inside a JSON string.</summary>
    private static readonly bool[] Plain = BuildPlain();

    private byte[] _buffer;
    private int _length;

    public RawJson(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Room(utf8.Length));
        _length += utf8.Length;
    }

    /// <summary>Raw <paramref name="prefix"/> (punctuation and a property name), then the number.</summary>
    public void Number(ReadOnlySpan<byte> prefix, long value)
    {
        Raw(prefix);
        Number(value);
    }

    /// <summary>Raw <paramref name="prefix"/>, then the string.</summary>
    public void String(ReadOnlySpan<byte> prefix, string? value)
    {
        Raw(prefix);
        String(value);
    }

    /// <summary>Raw <paramref name="prefix"/>, then the number as a JSON string.</summary>
    public void QuotedNumber(ReadOnlySpan<byte> prefix, long value)
    {
        Raw(prefix);
        QuotedNumber(value);
    }

    public void Number(long value)
    {
        value.TryFormat(Room(20), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A number written as a JSON string (hashes and perturbs exceed 2^53).</summary>
    public void QuotedNumber(long value)
    {
        Raw("\""u8);
        Number(value);
        Raw("\""u8);
    }

    /// <inheritdoc cref="QuotedNumber(long)"/>
    public void QuotedNumber(ulong value)
    {
        Raw("\""u8);
        value.TryFormat(Room(20), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        Raw("\""u8);
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
        }
        else
        {
            String(value.AsSpan());
        }
    }

    public void String(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c >= Plain.Length || !Plain[c])
            {
                Raw("\""u8);
                Raw(JsonEncodedText.Encode(value, SimulationJson.Options.Encoder).EncodedUtf8Bytes);
                Raw("\""u8);
                return;
            }
        }

        var room = Room(value.Length + 2);
        room[0] = (byte)'"';
        Encoding.ASCII.GetBytes(value, room[1..]);
        room[value.Length + 1] = (byte)'"';
        _length += value.Length + 2;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private Span<byte> Room(int size)
    {
        if (_length + size > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + size));
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length, size);
    }

    private static bool[] BuildPlain()
    {
        var encoder = SimulationJson.Options.Encoder!;
        var plain = new bool[128];
        for (var c = 0; c < plain.Length; c++)
        {
            plain[c] = c >= 0x20 && c != '"' && c != '\\' && !encoder.WillEncode(c);
        }

        return plain;
    }
}
