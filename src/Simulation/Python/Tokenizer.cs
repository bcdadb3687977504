using System.Text;

namespace Pynsights.Simulation.Python;

/// <summary>
/// Splits source text into tokens as Parser/tokenizer.c does for the subset: NEWLINE only outside brackets, INDENT and
/// DEDENT from a stack of indentation columns (tabs to the next multiple of 8), comments and blank lines skipped,
/// backslash continuations, string prefixes and triple quotes, all number forms.
/// </summary>
internal sealed class Tokenizer
{
    private static readonly string[] ThreeCharOps = ["**=", "//=", ">>=", "<<=", "..."];
    private static readonly string[] TwoCharOps =
        ["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="];

    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private readonly Stack<int> _indents = new([0]);
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;
    private readonly Stack<(char Open, int Line, int Column)> _brackets = new();

    private Tokenizer(string text) => _text = text;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokenizer = new Tokenizer(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private int ByteColumn(int pos) => Encoding.UTF8.GetByteCount(_text.AsSpan(_lineStart, pos - _lineStart));

    private ParseFailure Error(string message, int pos, string type = "SyntaxError") =>
        new(new SyntaxDiagnostic(type, message, _line, pos - _lineStart + 1, false));

    private void Add(TokenKind kind, string text, int start, int startLine, int startLineStart, int startByteColumn)
    {
        _tokens.Add(new Token(kind, text, startLine, startByteColumn, _line, ByteColumn(_pos), start - startLineStart));
    }

    private void Run()
    {
        var atLineStart = true;
        while (true)
        {
            if (atLineStart && _depth == 0)
            {
                if (!Indentation())
                {
                    break;
                }

                atLineStart = false;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            var c = _text[_pos];
            if (c is ' ' or '\t' or '\f')
            {
                _pos++;
                continue;
            }

            if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            if (c == '\\')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '\n')
                {
                    _pos += 2;
                    NewLine();
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    throw Error("unexpected EOF while parsing", _pos);
                }

                throw Error("unexpected character after line continuation character", _pos + 1);
            }

            if (c == '\n')
            {
                if (_depth == 0)
                {
                    _tokens.Add(new Token(TokenKind.Newline, "\n", _line, ByteColumn(_pos), _line, ByteColumn(_pos) + 1, _pos - _lineStart));
                    atLineStart = true;
                }

                _pos++;
                NewLine();
                continue;
            }

            var start = _pos;
            var startLine = _line;
            var startLineStart = _lineStart;
            var startByte = ByteColumn(_pos);
            if (IsIdentifierStart(c))
            {
                while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
                {
                    _pos++;
                }

                if (_pos < _text.Length && _text[_pos] is '\'' or '"' && _pos - start <= 2)
                {
                    var prefix = _text[start.._pos].ToLowerInvariant();
                    if (prefix.Contains('f', StringComparison.Ordinal) && prefix is "f" or "rf" or "fr")
                    {
                        throw new ParseFailure(new SyntaxDiagnostic("SyntaxError", "f-strings are not supported by Pynsights yet",
                            _line, start - _lineStart + 1, true));
                    }

                    if (prefix is "r" or "u" or "b" or "br" or "rb")
                    {
                        StringBody(start);
                        Add(TokenKind.String, _text[start.._pos], start, startLine, startLineStart, startByte);
                        continue;
                    }
                }

                Add(TokenKind.Name, _text[start.._pos], start, startLine, startLineStart, startByte);
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
            {
                NumberBody();
                Add(TokenKind.Number, _text[start.._pos], start, startLine, startLineStart, startByte);
                continue;
            }

            if (c is '\'' or '"')
            {
                StringBody(start);
                Add(TokenKind.String, _text[start.._pos], start, startLine, startLineStart, startByte);
                continue;
            }

            Operator(start, startLine, startLineStart, startByte);
        }

        if (_brackets.Count > 0)
        {
            var (open, line, column) = _brackets.Peek();
            throw new ParseFailure(new SyntaxDiagnostic("SyntaxError", $"'{open}' was never closed", line, column + 1, false));
        }

        if (_tokens.Count > 0 && _tokens[^1].Kind is not (TokenKind.Newline or TokenKind.Dedent))
        {
            _tokens.Add(new Token(TokenKind.Newline, "", _line, ByteColumn(_pos), _line, ByteColumn(_pos) + 1, _pos - _lineStart));
        }

        while (_indents.Count > 1)
        {
            _indents.Pop();
            _tokens.Add(new Token(TokenKind.Dedent, "", _line, 0, _line, 0, 0));
        }

        _tokens.Add(new Token(TokenKind.EndMarker, "", _line, 0, _line, 0, 0));
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Measures the indentation of a logical line; blank and comment-only lines produce no tokens.</summary>
    private bool Indentation()
    {
        while (true)
        {
            var column = 0;
            var p = _pos;
            while (p < _text.Length && _text[p] is ' ' or '\t' or '\f')
            {
                column = _text[p] switch
                {
                    '\t' => ((column / 8) + 1) * 8,
                    '\f' => 0,
                    _ => column + 1,
                };
                p++;
            }

            if (p >= _text.Length)
            {
                _pos = p;
                return false;
            }

            if (_text[p] is '#' or '\n')
            {
                while (p < _text.Length && _text[p] != '\n')
                {
                    p++;
                }

                if (p >= _text.Length)
                {
                    _pos = p;
                    return false;
                }

                _pos = p + 1;
                NewLine();
                continue;
            }

            _pos = p;
            if (column > _indents.Peek())
            {
                _indents.Push(column);
                var b = ByteColumn(_pos);
                _tokens.Add(new Token(TokenKind.Indent, _text[_lineStart.._pos], _line, 0, _line, b, 0));
            }
            else
            {
                while (column < _indents.Peek())
                {
                    _indents.Pop();
                    _tokens.Add(new Token(TokenKind.Dedent, "", _line, ByteColumn(_pos), _line, ByteColumn(_pos), _pos - _lineStart));
                }

                if (column != _indents.Peek())
                {
                    throw Error("unindent does not match any outer indentation level", _pos, "IndentationError");
                }
            }

            return true;
        }
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c) || c > 0x7f && char.IsLetterOrDigit(c);

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsDigit(c);

    /// <summary>Consumes a string literal (its prefix already consumed from <paramref name="start"/>).</summary>
    private void StringBody(int start)
    {
        var quote = _text[_pos];
        var triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        var startLine = _line;
        var openAt = _pos;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                if (triple)
                {
                    throw new ParseFailure(new SyntaxDiagnostic("SyntaxError",
                        $"unterminated triple-quoted string literal (detected at line {_line})", startLine, start - LineStartOf(start) + 1, false));
                }

                throw new ParseFailure(new SyntaxDiagnostic("SyntaxError",
                    $"unterminated string literal (detected at line {_line})", _line, start - _lineStart + 1, false));
            }

            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                if (_text[_pos + 1] == '\n')
                {
                    _pos += 2;
                    NewLine();
                }
                else
                {
                    _pos += 2;
                }

                continue;
            }

            if (c == '\n')
            {
                if (!triple)
                {
                    throw new ParseFailure(new SyntaxDiagnostic("SyntaxError",
                        $"unterminated string literal (detected at line {_line})", _line, start - _lineStart + 1, false));
                }

                _pos++;
                NewLine();
                continue;
            }

            if (c == quote)
            {
                if (!triple)
                {
                    _pos++;
                    return;
                }

                if (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)
                {
                    _pos += 3;
                    return;
                }
            }

            _pos++;
        }
    }

    private int LineStartOf(int pos)
    {
        var i = _text.LastIndexOf('\n', Math.Max(0, pos - 1));
        return i < 0 ? 0 : i + 1;
    }

    /// <summary>Consumes a number's characters; its value and validity are the value parser's job.</summary>
    private void NumberBody()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                // An exponent sign belongs to the number: 1e-5.
                if (c is 'e' or 'E' && _pos + 1 < _text.Length && _text[_pos + 1] is '+' or '-'
                    && !_text.AsSpan(NumberStart(_pos)).StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    _pos += 2;
                    continue;
                }

                _pos++;
                continue;
            }

            break;
        }
    }

    private int NumberStart(int pos)
    {
        var i = pos;
        while (i > 0 && (char.IsAsciiLetterOrDigit(_text[i - 1]) || _text[i - 1] is '_' or '.'))
        {
            i--;
        }

        return i;
    }

    private void Operator(int start, int startLine, int startLineStart, int startByte)
    {
        var c = _text[_pos];
        foreach (var op in ThreeCharOps)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, 3) == 0)
            {
                _pos += 3;
                Add(TokenKind.Op, op, start, startLine, startLineStart, startByte);
                return;
            }
        }

        foreach (var op in TwoCharOps)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, 2) == 0)
            {
                _pos += 2;
                Add(TokenKind.Op, op, start, startLine, startLineStart, startByte);
                return;
            }
        }

        switch (c)
        {
            case '(' or '[' or '{':
                _brackets.Push((c, _line, _pos - _lineStart));
                _depth++;
                break;
            case ')' or ']' or '}':
                if (_brackets.Count == 0)
                {
                    throw Error($"unmatched '{c}'", _pos);
                }

                var (open, line, _) = _brackets.Pop();
                var expected = open switch { '(' => ')', '[' => ']', _ => '}' };
                if (c != expected)
                {
                    throw line == _line
                        ? Error($"closing parenthesis '{c}' does not match opening parenthesis '{open}'", _pos)
                        : Error($"closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {line}", _pos);
                }

                _depth--;
                break;
            case '+' or '-' or '*' or '/' or '%' or '@' or '&' or '|' or '^' or '~' or '<' or '>' or '=' or '.' or ',' or ':' or ';':
                break;
            case '!':
                throw Error("invalid syntax", _pos);
            default:
                throw Error(c is '$' or '?' or '`' ? "invalid syntax" : $"invalid character '{c}' (U+{(int)c:X4})", _pos);
        }

        _pos++;
        Add(TokenKind.Op, c.ToString(), start, startLine, startLineStart, startByte);
    }
}
