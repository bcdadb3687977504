using Pynsights.Simulation.Hashing;

namespace Pynsights.Simulation.Python;

/// <summary>
/// A recursive-descent parser for the Pynsights subset of Grammar/python.gram, building the same tree as CPython's
/// <c>ast.parse</c>: same node types, field values and positions (a node starts at the first token of the rule that
/// made it, so <c>(a).b</c> starts at the parenthesis, as in CPython). Statements live here, expressions and match
/// patterns in the partial files.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private static readonly Dictionary<string, string> UnsupportedStatements = new(StringComparer.Ordinal)
    {
        ["assert"] = "'assert' statements",
        ["async"] = "'async' functions and statements",
        ["del"] = "'del' statements",
        ["from"] = "'import' statements",
        ["import"] = "'import' statements",
        ["raise"] = "'raise' statements",
        ["try"] = "'try' statements",
        ["with"] = "'with' statements",
        ["yield"] = "'yield' expressions",
        ["await"] = "'await' expressions",
    };

    private static readonly PyHasher LiteralHasher = new(PythonVersion.V311, 0);

    private readonly IReadOnlyList<Token> _tokens;

    /// <summary>The statements beyond the common subset that this parse accepts.</summary>
    private readonly SyntaxExtensions _extensions;
    private int _index;
    private Token _last;

    private Parser(IReadOnlyList<Token> tokens, SyntaxExtensions extensions)
    {
        _tokens = tokens;
        _extensions = extensions;
        _last = tokens[0];
    }

    public static AstNode ParseModule(IReadOnlyList<Token> tokens, SyntaxExtensions extensions = SyntaxExtensions.None)
    {
        var parser = new Parser(tokens, extensions);
        var body = new List<AstNode?>();
        while (parser.Peek().Kind != TokenKind.EndMarker)
        {
            body.AddRange(parser.Statement());
        }

        return Make("Module", null, ("body", body), ("type_ignores", new List<AstNode?>()));
    }

    // ------------------------------------------------------------------ helpers

    // ------------------------------------------------------------------ imports (opt-in)

    /// <summary>import_name: <c>import a.b as c, d</c>.</summary>
    private AstNode Import(Token start)
    {
        Next();
        var names = new List<AstNode?> { Alias(dotted: true) };
        while (Accept(","))
        {
            names.Add(Alias(dotted: true));
        }

        return Make("Import", start, ("names", names));
    }

    /// <summary>import_from for absolute modules: <c>from a.b import c as d, e</c>, optionally parenthesised.</summary>
    private AstNode ImportFrom(Token start)
    {
        Next();
        if (At(".") || At("..."))
        {
            throw Unsupported("relative imports", Peek());
        }

        var module = DottedName();
        Expect("import");
        if (At("*"))
        {
            throw Unsupported("'import *'", Peek());
        }

        var parenthesised = Accept("(");
        var names = new List<AstNode?> { Alias(dotted: false) };
        while (Accept(","))
        {
            if (parenthesised && At(")"))
            {
                break;
            }

            names.Add(Alias(dotted: false));
        }

        if (parenthesised)
        {
            Expect(")");
        }

        return Make("ImportFrom", start, ("module", module), ("names", names), ("level", 0));
    }

    private AstNode Alias(bool dotted)
    {
        var start = Peek();
        var name = dotted ? DottedName() : ExpectName();
        string? asname = null;
        if (Accept("as"))
        {
            asname = ExpectName();
        }

        return Make("alias", start, ("name", name), ("asname", asname));
    }

    private string DottedName()
    {
        var name = ExpectName();
        while (Accept("."))
        {
            name += "." + ExpectName();
        }

        return name;
    }

    private Token Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Next()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        if (token.Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker))
        {
            _last = token;
        }

        return token;
    }

    private bool At(string text) => Peek().Is(text) && (Peek().Kind == TokenKind.Op || Keywords.Contains(text) || IsSoft(text));

    private static bool IsSoft(string text) => text is "match" or "case" or "_";

    private bool Accept(string text)
    {
        if (!At(text))
        {
            return false;
        }

        Next();
        return true;
    }

    private Token Expect(string text)
    {
        if (!At(text))
        {
            throw Invalid(text == ":" ? "expected ':'" : "invalid syntax");
        }

        return Next();
    }

    private ParseFailure Invalid(string message = "invalid syntax", Token? at = null)
    {
        var token = at ?? Peek();
        if (message == "invalid syntax" && token.Kind == TokenKind.Indent)
        {
            return new ParseFailure(new SyntaxDiagnostic("IndentationError", "unexpected indent", token.Line, token.CharColumn + 1, false));
        }

        return new ParseFailure(new SyntaxDiagnostic("SyntaxError", message, token.Line, token.CharColumn + 1, false));
    }

    private static ParseFailure InvalidAt(string message, AstNode node) =>
        new(new SyntaxDiagnostic("SyntaxError", message, node.Span!.Value.Line, node.Span.Value.Column + 1, false));

    private static ParseFailure Unsupported(string what, Token at) =>
        new(new SyntaxDiagnostic("SyntaxError", $"{what} {(what.EndsWith('s') ? "are" : "is")} not supported by Pynsights yet", at.Line, at.CharColumn + 1, true));

    private SourceSpan SpanFrom(Token start) => new(start.Line, start.Column, _last.EndLine, _last.EndColumn);

    private static AstNode Make(string type, SourceSpan? span, params (string Name, object? Value)[] fields) =>
        new(type, [.. fields.Select(f => new AstField(f.Name, f.Value))], span);

    private AstNode Make(string type, Token start, params (string Name, object? Value)[] fields) => Make(type, SpanFrom(start), fields);

    private static AstNode Leaf(string type) => new(type, [], null);

    private bool IsName(Token token) => token.Kind == TokenKind.Name && !Keywords.Contains(token.Text);

    private string ExpectName()
    {
        var token = Peek();
        if (!IsName(token))
        {
            throw Invalid();
        }

        Next();
        return token.Text;
    }

    // ------------------------------------------------------------------ statements

    private List<AstNode> Statement()
    {
        var token = Peek();
        if (token.Kind == TokenKind.Indent)
        {
            throw new ParseFailure(new SyntaxDiagnostic("IndentationError", "unexpected indent", token.Line, token.CharColumn + 1, false));
        }

        if (token.Kind == TokenKind.Name)
        {
            switch (token.Text)
            {
                case "def":
                    return [FunctionDef([])];
                case "class":
                    return [ClassDef([])];
                case "if":
                    return [If()];
                case "while":
                    return [While()];
                case "for":
                    return [For()];
                case "match" when TryMatch() is { } match:
                    return [match];
                case "async" or "try" or "with":
                    throw Unsupported(UnsupportedStatements[token.Text], token);
            }
        }

        if (token.Is("@"))
        {
            return [Decorated()];
        }

        return SimpleStatements();
    }

    private List<AstNode> SimpleStatements()
    {
        var statements = new List<AstNode> { SimpleStatement() };
        while (Accept(";"))
        {
            if (Peek().Kind == TokenKind.Newline)
            {
                break;
            }

            statements.Add(SimpleStatement());
        }

        if (Peek().Kind != TokenKind.Newline)
        {
            throw Invalid();
        }

        Next();
        return statements;
    }

    private AstNode SimpleStatement()
    {
        var start = Peek();
        if (start.Kind == TokenKind.Name && Keywords.Contains(start.Text))
        {
            switch (start.Text)
            {
                case "pass":
                    Next();
                    return Make("Pass", start);
                case "break":
                    Next();
                    return Make("Break", start);
                case "continue":
                    Next();
                    return Make("Continue", start);
                case "return":
                    Next();
                    var value = StartsExpression(Peek()) ? StarExpressions() : null;
                    return Make("Return", start, ("value", value));
                case "raise" when _extensions.HasFlag(SyntaxExtensions.Raise):
                    // raise_stmt: 'raise' expression ['from' expression] | 'raise'
                    Next();
                    var exc = StartsExpression(Peek()) ? Expression() : null;
                    var cause = exc is not null && Accept("from") ? Expression() : null;
                    return Make("Raise", start, ("exc", exc), ("cause", cause));
                case "global" or "nonlocal":
                    Next();
                    var names = new List<string> { ExpectName() };
                    while (Accept(","))
                    {
                        names.Add(ExpectName());
                    }

                    return Make(start.Text == "global" ? "Global" : "Nonlocal", start, ("names", names));
                case "import" when _extensions.HasFlag(SyntaxExtensions.Imports):
                    return Import(start);
                case "from" when _extensions.HasFlag(SyntaxExtensions.Imports):
                    return ImportFrom(start);
                case var keyword when UnsupportedStatements.TryGetValue(keyword, out var what):
                    throw Unsupported(what, start);
            }
        }

        var first = StarExpressions();
        if (At("="))
        {
            var targets = new List<AstNode?> { ToStore(first) };
            AstNode value;
            while (true)
            {
                Expect("=");
                if (At("yield"))
                {
                    throw Unsupported(UnsupportedStatements["yield"], Peek());
                }

                var next = StarExpressions();
                if (!At("="))
                {
                    value = next;
                    break;
                }

                targets.Add(ToStore(next));
            }

            return Make("Assign", start, ("targets", targets), ("value", value), ("type_comment", null));
        }

        if (At(":"))
        {
            Next();
            if (first.Type == "Tuple" && !_parenthesized.Contains(first))
            {
                throw InvalidAt("only single target (not tuple) can be annotated", first);
            }

            if (first.Type is not ("Name" or "Attribute" or "Subscript"))
            {
                throw InvalidAt($"illegal target for annotation", first);
            }

            var annotation = Expression();
            AstNode? value = null;
            if (Accept("="))
            {
                value = StarExpressions();
            }

            var simple = first.Type == "Name" && !_parenthesized.Contains(first) ? 1 : 0;
            return Make("AnnAssign", start, ("target", ToStore(first)), ("annotation", annotation), ("value", value), ("simple", simple));
        }

        if (Peek().Kind == TokenKind.Op && AugmentedOperators.TryGetValue(Peek().Text, out var op))
        {
            if (first.Type is not ("Name" or "Attribute" or "Subscript"))
            {
                throw InvalidAt($"'{Describe(first)}' is an illegal expression for augmented assignment", first);
            }

            Next();
            var value = StarExpressions();
            return Make("AugAssign", start, ("target", ToStore(first)), ("op", Leaf(op)), ("value", value));
        }

        return Make("Expr", start, ("value", first));
    }

    private static readonly Dictionary<string, string> AugmentedOperators = new(StringComparer.Ordinal)
    {
        ["+="] = "Add", ["-="] = "Sub", ["*="] = "Mult", ["/="] = "Div", ["//="] = "FloorDiv", ["%="] = "Mod",
        ["**="] = "Pow", ["@="] = "MatMult", ["&="] = "BitAnd", ["|="] = "BitOr", ["^="] = "BitXor",
        ["<<="] = "LShift", [">>="] = "RShift",
    };

    /// <summary>The block after ':': an indented suite on the next lines, or simple statements on the same line.</summary>
    private List<AstNode?> Block(Token owner)
    {
        Expect(":");
        if (Peek().Kind != TokenKind.Newline)
        {
            return [.. SimpleStatements()];
        }

        Next();
        if (Peek().Kind != TokenKind.Indent)
        {
            var what = owner.Text switch
            {
                "def" => "function definition",
                "class" => "class definition",
                "case" => "'case' statement",
                "match" => "'match' statement",
                "else" => "'else' statement",
                "elif" => "'elif' statement",
                _ => $"'{owner.Text}' statement",
            };
            var next = Peek();
            throw new ParseFailure(new SyntaxDiagnostic("IndentationError",
                $"expected an indented block after {what} on line {owner.Line}", next.Line, next.CharColumn + 1, false));
        }

        Next();
        var body = new List<AstNode?>();
        while (Peek().Kind != TokenKind.Dedent && Peek().Kind != TokenKind.EndMarker)
        {
            body.AddRange(Statement());
        }

        Next();
        return body;
    }

    private AstNode Decorated()
    {
        var decorators = new List<AstNode?>();
        while (Accept("@"))
        {
            decorators.Add(NamedExpression());
            if (Peek().Kind != TokenKind.Newline)
            {
                throw Invalid();
            }

            Next();
        }

        if (At("def"))
        {
            return FunctionDef(decorators);
        }

        if (At("class"))
        {
            return ClassDef(decorators);
        }

        if (At("async"))
        {
            throw Unsupported(UnsupportedStatements["async"], Peek());
        }

        throw Invalid();
    }

    private AstNode FunctionDef(List<AstNode?> decorators)
    {
        var start = Next();
        var name = ExpectName();
        Expect("(");
        var arguments = Parameters(")", annotations: true);
        Expect(")");
        AstNode? returns = null;
        if (Accept("->"))
        {
            returns = Expression();
        }

        var body = Block(start);
        return Make("FunctionDef", start, ("name", name), ("args", arguments), ("body", body), ("decorator_list", decorators),
            ("returns", returns), ("type_comment", null));
    }

    private AstNode ClassDef(List<AstNode?> decorators)
    {
        var start = Next();
        var name = ExpectName();
        List<AstNode?> bases = [], keywords = [];
        if (Accept("("))
        {
            (bases, keywords) = CallArguments(null);
        }

        var body = Block(start);
        return Make("ClassDef", start, ("name", name), ("bases", bases), ("keywords", keywords), ("body", body),
            ("decorator_list", decorators));
    }

    private AstNode If()
    {
        var start = Next();
        var test = NamedExpression();
        var body = Block(start);
        var orelse = new List<AstNode?>();
        if (At("elif"))
        {
            orelse.Add(If());
        }
        else if (At("else"))
        {
            orelse = Block(Next());
        }

        return Make("If", start, ("test", test), ("body", body), ("orelse", orelse));
    }

    private AstNode While()
    {
        var start = Next();
        var test = NamedExpression();
        var body = Block(start);
        var orelse = At("else") ? Block(Next()) : [];
        return Make("While", start, ("test", test), ("body", body), ("orelse", orelse));
    }

    private AstNode For()
    {
        var start = Next();
        var target = StarTargets();
        Expect("in");
        var iter = StarExpressions();
        var body = Block(start);
        var orelse = At("else") ? Block(Next()) : [];
        return Make("For", start, ("target", target), ("iter", iter), ("body", body), ("orelse", orelse), ("type_comment", null));
    }

    /// <summary>
    /// <c>match</c> is a soft keyword: it starts a match statement only when a subject and ':' and a newline follow
    /// (Grammar/python.gram match_stmt); otherwise the line is an ordinary statement using a name <c>match</c>.
    /// </summary>
    private AstNode? TryMatch()
    {
        var saved = _index;
        var savedLast = _last;
        var start = Next();
        AstNode subject;
        try
        {
            if (!StartsExpression(Peek()))
            {
                throw Invalid();
            }

            subject = StarNamedExpressionsAsSubject();
            if (!At(":") || Peek(1).Kind != TokenKind.Newline)
            {
                throw Invalid();
            }
        }
        catch (ParseFailure failure) when (!failure.Diagnostic.Unsupported)
        {
            _index = saved;
            _last = savedLast;
            return null;
        }

        Next();
        Next();
        if (Peek().Kind != TokenKind.Indent)
        {
            var next = Peek();
            throw new ParseFailure(new SyntaxDiagnostic("IndentationError",
                $"expected an indented block after 'match' statement on line {start.Line}", next.Line, next.CharColumn + 1, false));
        }

        Next();
        var cases = new List<AstNode?>();
        while (Peek().Kind != TokenKind.Dedent && Peek().Kind != TokenKind.EndMarker)
        {
            if (!At("case"))
            {
                throw Invalid();
            }

            cases.Add(MatchCase());
        }

        Next();
        return Make("Match", start, ("subject", subject), ("cases", cases));
    }

    private AstNode StarNamedExpressionsAsSubject()
    {
        var start = Peek();
        var first = StarNamedExpression();
        if (!At(","))
        {
            if (first.Type == "Starred")
            {
                throw Invalid();
            }

            return first;
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (!StartsExpression(Peek()))
            {
                break;
            }

            items.Add(StarNamedExpression());
        }

        return Make("Tuple", start, ("elts", items), ("ctx", Leaf("Load")));
    }

    private AstNode MatchCase()
    {
        var caseToken = Next();
        var pattern = Patterns();
        AstNode? guard = null;
        if (Accept("if"))
        {
            guard = NamedExpression();
        }

        var body = Block(caseToken);
        return Make("match_case", (SourceSpan?)null, ("pattern", pattern), ("guard", guard), ("body", body));
    }
}
