using System.Globalization;
using System.Numerics;
using System.Text;
using Pynsights.Simulation.Hashing;

namespace Pynsights.Simulation.Values;

/// <summary>
/// Evaluates the Python source text of one value: what <c>ast.literal_eval</c> accepts, plus <c>frozenset({...})</c>,
/// <c>float('inf')</c>-style calls and <c>+ - * **</c> on numbers. The text is scanned by hand (no regex) so every
/// problem has a column. Hashes are needed because a frozenset's order is its hash table's.
/// </summary>
internal sealed class ValueParser
{
    /// <summary>Largest int an arithmetic result may have, in bits (its repr stays below CPython's 4300-digit limit).</summary>
    public const int MaxResultBits = 10_000;

    /// <summary><c>MAX_INT_SIZE</c> of Python/ast_opt.c: int results above 128 bits are not constant-folded.</summary>
    private const int FoldMaxIntBits = 128;

    private readonly string _text;
    private readonly PyHasher _hasher;
    private int _pos;
    private ValueDiagnostic? _diagnostic;
    private PythonError? _error;

    private ValueParser(string text, PyHasher hasher)
    {
        _text = text;
        _hasher = hasher;
    }

    private readonly record struct Item(PyValue Value, bool Constant);

    public static ParsedValue Parse(string text, PyHasher hasher)
    {
        var parser = new ValueParser(text, hasher);
        var item = parser.Expression();
        if (item is not null && parser._diagnostic is null && parser._error is null)
        {
            parser.SkipSpace();
            if (parser._pos < text.Length)
            {
                parser.Fail($"unexpected '{text[parser._pos]}' after the value", parser._pos);
            }
        }

        if (parser._diagnostic is not null)
        {
            return new ParsedValue(null, null, parser._diagnostic);
        }

        return parser._error is not null ? new ParsedValue(null, parser._error, null) : new ParsedValue(item!.Value.Value, null, null);
    }

    private Item? Fail(string message, int at)
    {
        _diagnostic ??= new ValueDiagnostic(message, at + 1);
        return null;
    }

    private Item? Raise(PythonError error)
    {
        _error ??= error;
        return null;
    }

    private bool Stopped => _diagnostic is not null || _error is not null;

    private void SkipSpace()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
        {
            _pos++;
        }
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0 && !(token == "*" && _pos + 1 < _text.Length && _text[_pos + 1] == '*'))
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    // sum: term (('+' | '-') term)*
    private Item? Expression()
    {
        var left = Term();
        while (left is not null && !Stopped)
        {
            SkipSpace();
            var at = _pos;
            if (Accept("+") || Accept("-"))
            {
                var op = _text[at];
                var right = Term();
                if (right is null)
                {
                    return null;
                }

                left = Binary(op.ToString(), left.Value, right.Value, at);
            }
            else
            {
                break;
            }
        }

        return Stopped ? null : left;
    }

    // term: factor ('*' factor)*
    private Item? Term()
    {
        var left = Factor();
        while (left is not null && !Stopped)
        {
            SkipSpace();
            var at = _pos;
            if (!Accept("*"))
            {
                break;
            }

            var right = Factor();
            if (right is null)
            {
                return null;
            }

            left = Binary("*", left.Value, right.Value, at);
        }

        return Stopped ? null : left;
    }

    // factor: ('+' | '-') factor | power
    private Item? Factor()
    {
        SkipSpace();
        var at = _pos;
        if (Accept("-") || Accept("+"))
        {
            var op = _text[at];
            var operand = Factor();
            if (operand is null)
            {
                return null;
            }

            return Unary(op, operand.Value, at);
        }

        return Power();
    }

    // power: atom ['**' factor]
    private Item? Power()
    {
        var atom = Atom();
        if (atom is null)
        {
            return null;
        }

        SkipSpace();
        var at = _pos;
        if (!Accept("**"))
        {
            return atom;
        }

        var exponent = Factor();
        return exponent is null ? null : Binary("**", atom.Value, exponent.Value, at);
    }

    private Item? Atom()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            return Fail("expected a value", _pos);
        }

        var c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return Number();
        }

        if (c is '\'' or '"' || (char.IsAsciiLetter(c) && StringPrefixAhead()))
        {
            return Strings();
        }

        if (c == '(')
        {
            return Parenthesised();
        }

        if (c == '[')
        {
            return Display('[', ']');
        }

        if (c == '{')
        {
            return Display('{', '}');
        }

        if (char.IsLetter(c) || c == '_')
        {
            return Name();
        }

        return Fail($"unexpected '{c}'", _pos);
    }

    private Item? Name()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        switch (name)
        {
            case "None":
                return new Item(PyNone.Instance, true);
            case "True":
                return new Item(PyBool.True, true);
            case "False":
                return new Item(PyBool.False, true);
            case "frozenset":
                return FrozenSetCall(start);
            case "float":
                return FloatCall(start);
            default:
                return Fail($"name '{name}' is not supported; use literals, frozenset({{...}}) or float('inf'/'-inf'/'nan')", start);
        }
    }

    private Item? FrozenSetCall(int start)
    {
        if (!Accept("("))
        {
            return Fail("expected '(' after frozenset", _pos);
        }

        if (Accept(")"))
        {
            return new Item(new PyFrozenSet([]), false);
        }

        SkipSpace();
        if (_pos >= _text.Length || _text[_pos] != '{')
        {
            return Fail("frozenset(...) takes a set display here, as in frozenset({1, 2})", _pos);
        }

        var displayAt = _pos;
        var inner = Display('{', '}');
        if (inner is null)
        {
            return null;
        }

        if (!Accept(")"))
        {
            return Fail("expected ')' to close frozenset(", _pos);
        }

        if (inner.Value.Value is PySet set)
        {
            // frozenset(s) copies the set with set_merge into a fresh table (Objects/setobject.c make_new_set).
            return new Item(SetDisplay.Freeze(set), false);
        }

        if (inner.Value.Value is PyUnhashable { TypeName: "dict" })
        {
            return Fail("frozenset(...) of a dict display is not supported; use a set display", displayAt);
        }

        _ = start;
        return Fail("frozenset(...) takes a set display here, as in frozenset({1, 2})", displayAt);
    }

    private Item? FloatCall(int start)
    {
        if (!Accept("("))
        {
            return Fail("expected '(' after float", _pos);
        }

        SkipSpace();
        var argAt = _pos;
        if (_pos >= _text.Length || !(_text[_pos] is '\'' or '"'))
        {
            return Fail("float(...) takes a string here, as in float('inf')", argAt);
        }

        var arg = Strings();
        if (arg is null)
        {
            return null;
        }

        if (!Accept(")"))
        {
            return Fail("expected ')' to close float(", _pos);
        }

        if (arg.Value.Value is not PyStr s)
        {
            return Raise(new PythonError("TypeError", $"float() argument must be a string or a real number, not '{arg.Value.Value.TypeName}'"));
        }

        _ = start;
        var text = string.Concat(s.CodePoints.Select(cp => cp <= 0xffff ? ((char)cp).ToString() : char.ConvertFromUtf32(cp)));
        var value = FloatFromString(text.Trim(' ', '\t', '\n', '\r', '\f', '\v'));
        return value is { } v
            ? new Item(new PyFloat(v), false)
            : Raise(new PythonError("ValueError", $"could not convert string to float: {s.Repr()}"));
    }

    /// <summary><c>float(str)</c>: a decimal literal (underscores only between digits) or inf/infinity/nan, any case.</summary>
    private static double? FloatFromString(string text)
    {
        var body = text.TrimStart('+', '-');
        if (body.Length != text.Length - 1 && body.Length != text.Length)
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var lower = body.ToLowerInvariant();
        if (lower is "inf" or "infinity")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (lower == "nan")
        {
            return negative ? -double.NaN : double.NaN;
        }

        var scanned = ScanDecimalFloat(body);
        if (scanned is null)
        {
            return null;
        }

        return negative ? -scanned.Value : scanned.Value;
    }

    /// <summary>A decimal float body (digits, optional point, optional exponent; underscores between digits).</summary>
    private static double? ScanDecimalFloat(string body)
    {
        var clean = new StringBuilder();
        var sawDigit = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '_')
            {
                if (i == 0 || i == body.Length - 1 || !char.IsAsciiDigit(body[i - 1]) || !char.IsAsciiDigit(body[i + 1]))
                {
                    return null;
                }

                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
            }
            else if (c is not ('.' or 'e' or 'E' or '+' or '-'))
            {
                return null;
            }

            clean.Append(c);
        }

        if (!sawDigit)
        {
            return null;
        }

        return double.TryParse(clean.ToString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private Item? Parenthesised()
    {
        var open = _pos;
        _pos++;
        if (Accept(")"))
        {
            return new Item(new PyTuple([]), true);
        }

        var items = new List<Item>();
        var sawComma = false;
        while (true)
        {
            var item = Expression();
            if (item is null)
            {
                return null;
            }

            items.Add(item.Value);
            if (Accept(","))
            {
                sawComma = true;
                if (Accept(")"))
                {
                    break;
                }

                continue;
            }

            if (Accept(")"))
            {
                break;
            }

            SkipSpace();
            return _pos >= _text.Length ? Fail("'(' was never closed", open) : Fail("expected ',' or ')'", _pos);
        }

        if (!sawComma)
        {
            return items[0];
        }

        // A tuple of constants is itself a constant (Python/ast_opt.c fold_tuple).
        return new Item(new PyTuple([.. items.Select(i => i.Value)]), items.All(i => i.Constant));
    }

    /// <summary>
    /// A list, dict or set display. Lists and dicts are never hashable; a set display is built (it raises for an
    /// unhashable element) and becomes a set value, only useful inside frozenset(...).
    /// </summary>
    private Item? Display(char open, char close)
    {
        var openAt = _pos;
        _pos++;
        var items = new List<Item>();
        var isDict = false;
        var first = true;
        while (!Accept(close.ToString()))
        {
            if (!first && !Accept(","))
            {
                SkipSpace();
                return _pos >= _text.Length ? Fail($"'{open}' was never closed", openAt) : Fail($"expected ',' or '{close}'", _pos);
            }

            if (!first && Accept(close.ToString()))
            {
                break;
            }

            var item = Expression();
            if (item is null)
            {
                return null;
            }

            if (open == '{' && (first || isDict) && Accept(":"))
            {
                isDict = true;
                var value = Expression();
                if (value is null)
                {
                    return null;
                }

                if (!item.Value.Value.IsHashable)
                {
                    return Raise(PythonError.Unhashable(item.Value.Value));
                }
            }
            else if (isDict)
            {
                return Fail("expected ':' in a dict display", _pos);
            }

            items.Add(item.Value);
            first = false;
        }

        var repr = string.Join(", ", items.Select(i => i.Value.Repr()));
        if (open == '[')
        {
            return new Item(new PyUnhashable("list", "[" + repr + "]"), false);
        }

        if (isDict || items.Count == 0)
        {
            return new Item(new PyUnhashable("dict", "{" + repr + "}"), false);
        }

        var built = SetDisplay.Build([.. items.Select(i => i.Value)], items.Count > 2 && items.All(i => i.Constant), _hasher);
        return built.Error is not null ? Raise(built.Error) : new Item(built.Set!, false);
    }

    private bool StringPrefixAhead()
    {
        var i = _pos;
        while (i < _text.Length && char.IsAsciiLetter(_text[i]) && i - _pos < 2)
        {
            i++;
        }

        if (i >= _text.Length || !(_text[i] is '\'' or '"'))
        {
            return false;
        }

        var prefix = _text[_pos..i].ToLowerInvariant();
        return prefix is "r" or "u" or "b" or "br" or "rb" or "f" or "fr" or "rf";
    }

    /// <summary>One or more adjacent string literals (implicit concatenation); str and bytes may not mix.</summary>
    private Item? Strings()
    {
        var codePoints = new List<int>();
        bool? isBytes = null;
        var start = _pos;
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length || !(_text[_pos] is '\'' or '"' || (char.IsAsciiLetter(_text[_pos]) && StringPrefixAhead())))
            {
                break;
            }

            var literalAt = _pos;
            var prefixStart = _pos;
            while (char.IsAsciiLetter(_text[_pos]))
            {
                _pos++;
            }

            var prefix = _text[prefixStart.._pos].ToLowerInvariant();
            if (prefix.Contains('f', StringComparison.Ordinal))
            {
                return Fail("f-strings are not literals; write a plain string", literalAt);
            }

            var bytes = prefix.Contains('b', StringComparison.Ordinal);
            var raw = prefix.Contains('r', StringComparison.Ordinal);
            if (isBytes is { } previous && previous != bytes)
            {
                return Fail("cannot mix bytes and nonbytes literals", literalAt);
            }

            isBytes = bytes;
            if (!StringBody(codePoints, bytes, raw, literalAt))
            {
                return null;
            }
        }

        _ = start;
        return isBytes == true
            ? new Item(new PyBytes([.. codePoints.Select(c => (byte)c)]), true)
            : new Item(new PyStr(codePoints), true);
    }

    private bool StringBody(List<int> output, bool bytes, bool raw, int literalAt)
    {
        var quote = _text[_pos];
        var triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Fail(triple ? "unterminated triple-quoted string literal" : "unterminated string literal", literalAt);
                return false;
            }

            var c = _text[_pos];
            if (c == quote && (!triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                return true;
            }

            if (!triple && c is '\n' or '\r')
            {
                Fail("unterminated string literal", literalAt);
                return false;
            }

            var cp = ReadCodePoint();
            if (cp == '\\')
            {
                if (_pos >= _text.Length)
                {
                    Fail("unterminated string literal", literalAt);
                    return false;
                }

                if (raw)
                {
                    // A raw string keeps the backslash and the next character, which cannot end the literal.
                    output.Add('\\');
                    output.Add(ReadCodePoint());
                    continue;
                }

                if (!Escape(output, bytes))
                {
                    return false;
                }

                continue;
            }

            if (bytes && cp > 0x7f)
            {
                Fail("bytes can only contain ASCII literal characters", _pos - 1);
                return false;
            }

            output.Add(cp);
        }
    }

    private int ReadCodePoint()
    {
        var c = _text[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(c, _text[_pos - 1]);
        }

        _pos++;
        return c;
    }

    /// <summary>The escapes of Python/Parser/string_parser.c (<c>decode_unicode_with_escapes</c>, <c>_PyBytes_DecodeEscape</c>).</summary>
    private bool Escape(List<int> output, bool bytes)
    {
        var at = _pos - 1;
        var c = _text[_pos++];
        switch (c)
        {
            case '\n':
                return true;
            case '\\' or '\'' or '"':
                output.Add(c);
                return true;
            case 'a': output.Add(7); return true;
            case 'b': output.Add(8); return true;
            case 'f': output.Add(12); return true;
            case 'n': output.Add(10); return true;
            case 'r': output.Add(13); return true;
            case 't': output.Add(9); return true;
            case 'v': output.Add(11); return true;
            case >= '0' and <= '7':
            {
                var value = c - '0';
                for (var n = 0; n < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; n++)
                {
                    value = (value * 8) + (_text[_pos++] - '0');
                }

                if (bytes && value > 0xff)
                {
                    Fail($"octal escape \\{Convert.ToString(value, 8)} is above \\377 and not a byte", at);
                    return false;
                }

                output.Add(value);
                return true;
            }

            case 'x':
                return Hex(output, 2, at, bytes ? "bytes" : "str");
            case 'u' when !bytes:
                return Hex(output, 4, at, "str");
            case 'U' when !bytes:
                return Hex(output, 8, at, "str");
            case 'N' when !bytes:
                Fail("\\N{...} named escapes are not supported; write the character itself or \\u/\\U with its code point", at);
                return false;
            default:
                // CPython keeps an unknown escape as backslash + character (with a warning).
                _pos--;
                output.Add('\\');
                output.Add(ReadCodePoint());
                return true;
        }
    }

    private bool Hex(List<int> output, int digits, int at, string kind)
    {
        if (_pos + digits > _text.Length || _text.AsSpan(_pos, digits).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            var name = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
            Fail($"({kind}) truncated {name} escape", at);
            return false;
        }

        var value = int.Parse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (digits == 8 && (uint)value > 0x10ffff)
        {
            Fail("illegal Unicode character", at);
            return false;
        }

        _pos += digits;
        output.Add(value);
        return true;
    }

    private Item? Number()
    {
        var start = _pos;
        if (_text[_pos] == '0' && _pos + 1 < _text.Length && _text[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = char.ToLowerInvariant(_text[_pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            var value = BigInteger.Zero;
            var digits = 0;
            while (_pos < _text.Length)
            {
                var ch = _text[_pos];
                if (ch == '_' && _pos + 1 < _text.Length && DigitValue(_text[_pos + 1]) is { } next && next < radix)
                {
                    _pos++;
                    continue;
                }

                if (DigitValue(ch) is not { } d || d >= radix)
                {
                    break;
                }

                value = (value * radix) + d;
                digits++;
                _pos++;
            }

            if (digits == 0)
            {
                return Fail($"invalid {(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary")} literal", start);
            }

            return EndOfNumber(start) ? new Item(new PyInt(value), true) : null;
        }

        var intPart = DigitPart();
        var isFloat = false;
        var fraction = "";
        var exponent = "";
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                fraction = DigitPart();
            }
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            var sign = "";
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                sign = _text[_pos].ToString();
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                exponent = sign + DigitPart();
                isFloat = true;
            }
            else
            {
                _pos = save;
                return Fail("invalid decimal literal", start);
            }
        }

        if (_diagnostic is not null)
        {
            return null;
        }

        var imaginary = false;
        if (_pos < _text.Length && _text[_pos] is 'j' or 'J')
        {
            imaginary = true;
            _pos++;
        }

        if (!EndOfNumber(start))
        {
            return null;
        }

        if (!isFloat && !imaginary)
        {
            if (intPart.Length > 1 && intPart.TrimStart('0').Length > 0 && intPart[0] == '0')
            {
                return Fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start);
            }

            return new Item(new PyInt(BigInteger.Parse(intPart, CultureInfo.InvariantCulture)), true);
        }

        var text = (intPart.Length == 0 ? "0" : intPart) + "." + (fraction.Length == 0 ? "0" : fraction) + (exponent.Length == 0 ? "" : "e" + exponent);
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return imaginary ? new Item(new PyComplex(0.0, number), true) : new Item(new PyFloat(number), true);
    }

    /// <summary>Digits with single underscores between them.</summary>
    private string DigitPart()
    {
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var ch = _text[_pos];
            if (char.IsAsciiDigit(ch))
            {
                builder.Append(ch);
                _pos++;
            }
            else if (ch == '_' && builder.Length > 0 && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]))
            {
                _pos++;
            }
            else if (ch == '_')
            {
                Fail("invalid decimal literal", _pos);
                break;
            }
            else
            {
                break;
            }
        }

        return builder.ToString();
    }

    private bool EndOfNumber(int start)
    {
        if (_diagnostic is not null)
        {
            return false;
        }

        if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            Fail("invalid decimal literal", _pos);
            return false;
        }

        _ = start;
        return true;
    }

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };

    private Item? Unary(char op, Item operand, int at)
    {
        var value = operand.Value;
        if (!PyEquality.IsNumber(value))
        {
            return Fail($"unary '{op}' is supported on numbers only, not {value.TypeName}", at);
        }

        if (op == '+')
        {
            return new Item(value is PyBool b ? new PyInt(b.Value ? 1 : 0) : value, operand.Constant);
        }

        PyValue result = value switch
        {
            PyBool b => new PyInt(b.Value ? -1 : 0),
            PyInt i => new PyInt(-i.Value),
            PyFloat f => new PyFloat(-f.Value),
            PyComplex c => new PyComplex(-c.Real, -c.Imag),
            _ => throw new InvalidOperationException("not a number"),
        };
        return new Item(result, operand.Constant);
    }

    private Item? Binary(string op, Item left, Item right, int at)
    {
        if (!PyEquality.IsNumber(left.Value) || !PyEquality.IsNumber(right.Value))
        {
            return Fail($"'{op}' is supported on numbers only (int, float, complex, bool), not {left.Value.TypeName} and {right.Value.TypeName}", at);
        }

        var outcome = NumberArithmetic.Apply(op, left.Value, right.Value);
        if (outcome.Error is not null)
        {
            return Raise(outcome.Error);
        }

        if (outcome.Value is PyInt big && big.Value.GetBitLength() > MaxResultBits)
        {
            return Fail($"the result has more than {MaxResultBits} bits; the limit keeps values printable", at);
        }

        if (outcome.TooBig)
        {
            return Fail($"the result would have more than {MaxResultBits} bits; the limit keeps values printable", at);
        }

        var constant = left.Constant && right.Constant && FoldsToConstant(op, left.Value, right.Value);
        return new Item(outcome.Value!, constant);
    }

    /// <summary>
    /// Python/ast_opt.c <c>safe_multiply</c>/<c>safe_power</c>: the compiler leaves int products above 128 bits and
    /// powers whose result could exceed 128 bits unfolded (they are computed at run time, so no longer constants).
    /// </summary>
    private static bool FoldsToConstant(string op, PyValue left, PyValue right)
    {
        static BigInteger? AsInt(PyValue v) => v switch { PyInt i => i.Value, PyBool b => b.Value ? 1 : 0, _ => null };
        if (AsInt(left) is not { } l || AsInt(right) is not { } r)
        {
            return true;
        }

        return op switch
        {
            "*" => l.IsZero || r.IsZero || BigInteger.Abs(l).GetBitLength() + BigInteger.Abs(r).GetBitLength() <= FoldMaxIntBits,
            "**" => l.IsZero || r.Sign <= 0 || BigInteger.Abs(l).GetBitLength() <= FoldMaxIntBits / r,
            _ => true,
        };
    }
}
