using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Python;

/// <summary>Expressions, from <c>star_expressions</c> down to atoms, with CPython's precedence.</summary>
internal sealed partial class Parser
{
    /// <summary>Nodes written in parentheses: <c>(x): int</c> is not a simple annotation target.</summary>
    private readonly HashSet<AstNode> _parenthesized = new(ReferenceEqualityComparer.Instance);

    private static readonly Dictionary<string, string> BinaryOperators = new(StringComparer.Ordinal)
    {
        ["|"] = "BitOr", ["^"] = "BitXor", ["&"] = "BitAnd", ["<<"] = "LShift", [">>"] = "RShift", ["+"] = "Add",
        ["-"] = "Sub", ["*"] = "Mult", ["/"] = "Div", ["//"] = "FloorDiv", ["%"] = "Mod", ["@"] = "MatMult",
    };

    private bool StartsExpression(Token token) => token.Kind switch
    {
        TokenKind.Number or TokenKind.String => true,
        TokenKind.Name => !Keywords.Contains(token.Text) || token.Text is "True" or "False" or "None" or "not" or "lambda" or "await" or "yield",
        TokenKind.Op => token.Text is "(" or "[" or "{" or "-" or "+" or "~" or "*" or "..." or "**",
        _ => false,
    };

    /// <summary>star_expressions: one expression, or a tuple without parentheses.</summary>
    private AstNode StarExpressions()
    {
        var start = Peek();
        var first = StarExpression();
        if (!At(","))
        {
            // A lone starred expression parses; the compiler, not the parser, rejects it (Python/compile.c).
            return first;
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (!StartsExpression(Peek()) || At("**"))
            {
                break;
            }

            items.Add(StarExpression());
        }

        return Make("Tuple", start, ("elts", items), ("ctx", Leaf("Load")));
    }

    private AstNode StarExpression()
    {
        var start = Peek();
        if (Accept("*"))
        {
            var value = BitwiseOr();
            return Make("Starred", start, ("value", value), ("ctx", Leaf("Load")));
        }

        return Expression();
    }

    private AstNode StarNamedExpression()
    {
        var start = Peek();
        if (Accept("*"))
        {
            var value = BitwiseOr();
            return Make("Starred", start, ("value", value), ("ctx", Leaf("Load")));
        }

        return NamedExpression();
    }

    private AstNode NamedExpression()
    {
        var expression = Expression();
        if (At(":="))
        {
            throw Unsupported("assignment expressions (:=)", Peek());
        }

        return expression;
    }

    private AstNode Expression()
    {
        var start = Peek();
        if (At("lambda"))
        {
            return Lambda();
        }

        if (At("yield") || At("await"))
        {
            throw Unsupported(UnsupportedStatements[start.Text], start);
        }

        var body = Disjunction();
        if (!At("if"))
        {
            return body;
        }

        Next();
        var test = Disjunction();
        if (!At("else"))
        {
            throw Invalid("expected 'else' after 'if' expression");
        }

        Next();
        var orelse = Expression();
        return Make("IfExp", start, ("test", test), ("body", body), ("orelse", orelse));
    }

    private AstNode Lambda()
    {
        var start = Next();
        var arguments = Parameters(":", annotations: false);
        Expect(":");
        var body = Expression();
        return Make("Lambda", start, ("args", arguments), ("body", body));
    }

    private AstNode Disjunction() => BoolOp("or", "Or", Conjunction);

    private AstNode Conjunction() => BoolOp("and", "And", Inversion);

    private AstNode BoolOp(string keyword, string op, Func<AstNode> operand)
    {
        var start = Peek();
        var first = operand();
        if (!At(keyword))
        {
            return first;
        }

        var values = new List<AstNode?> { first };
        while (Accept(keyword))
        {
            values.Add(operand());
        }

        return Make("BoolOp", start, ("op", Leaf(op)), ("values", values));
    }

    private AstNode Inversion()
    {
        var start = Peek();
        if (!Accept("not"))
        {
            return Comparison();
        }

        var operand = Inversion();
        return Make("UnaryOp", start, ("op", Leaf("Not")), ("operand", operand));
    }

    private AstNode Comparison()
    {
        var start = Peek();
        var left = BitwiseOr();
        var ops = new List<AstNode?>();
        var comparators = new List<AstNode?>();
        while (true)
        {
            string? op = null;
            var token = Peek();
            if (token.Kind == TokenKind.Op)
            {
                op = token.Text switch
                {
                    "==" => "Eq", "!=" => "NotEq", "<" => "Lt", "<=" => "LtE", ">" => "Gt", ">=" => "GtE", _ => null,
                };
                if (op is not null)
                {
                    Next();
                }
            }
            else if (At("in"))
            {
                Next();
                op = "In";
            }
            else if (At("not") && Peek(1).Is("in"))
            {
                Next();
                Next();
                op = "NotIn";
            }
            else if (At("is"))
            {
                Next();
                op = Accept("not") ? "IsNot" : "Is";
            }

            if (op is null)
            {
                break;
            }

            ops.Add(Leaf(op));
            comparators.Add(BitwiseOr());
        }

        return ops.Count == 0 ? left : Make("Compare", start, ("left", left), ("ops", ops), ("comparators", comparators));
    }

    private AstNode BitwiseOr() => Binary(0);

    private static readonly string[][] Levels = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];

    /// <summary>The left-associative binary levels of python.gram, from bitwise_or (level 0) to term (level 5).</summary>
    private AstNode Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Factor();
        }

        var start = Peek();
        var left = Binary(level + 1);
        while (Peek().Kind == TokenKind.Op && Levels[level].Contains(Peek().Text))
        {
            var op = BinaryOperators[Next().Text];
            var right = Binary(level + 1);
            left = Make("BinOp", start, ("left", left), ("op", Leaf(op)), ("right", right));
        }

        return left;
    }

    private AstNode Factor()
    {
        var start = Peek();
        var op = start.Kind == TokenKind.Op ? start.Text switch { "+" => "UAdd", "-" => "USub", "~" => "Invert", _ => null } : null;
        if (op is null)
        {
            return Power();
        }

        Next();
        var operand = Factor();
        return Make("UnaryOp", start, ("op", Leaf(op)), ("operand", operand));
    }

    private AstNode Power()
    {
        var start = Peek();
        if (At("await"))
        {
            throw Unsupported(UnsupportedStatements["await"], start);
        }

        var left = Primary();
        if (!Accept("**"))
        {
            return left;
        }

        var right = Factor();
        return Make("BinOp", start, ("left", left), ("op", Leaf("Pow")), ("right", right));
    }

    private AstNode Primary()
    {
        var start = Peek();
        var node = Atom();
        while (true)
        {
            if (Accept("."))
            {
                var attr = ExpectName();
                node = Make("Attribute", start, ("value", node), ("attr", attr), ("ctx", Leaf("Load")));
            }
            else if (At("("))
            {
                var open = Next();
                var (args, keywords) = CallArguments(open);
                node = Make("Call", start, ("func", node), ("args", args), ("keywords", keywords));
            }
            else if (Accept("["))
            {
                var slice = Slices();
                Expect("]");
                node = Make("Subscript", start, ("value", node), ("slice", slice), ("ctx", Leaf("Load")));
            }
            else
            {
                return node;
            }
        }
    }

    private AstNode Slices()
    {
        var start = Peek();
        var first = Slice();
        if (!At(","))
        {
            return first;
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (At("]"))
            {
                break;
            }

            items.Add(Slice());
        }

        return Make("Tuple", start, ("elts", items), ("ctx", Leaf("Load")));
    }

    private AstNode Slice()
    {
        var start = Peek();
        if (At("*"))
        {
            throw Unsupported("starred expressions in subscripts", start);
        }

        AstNode? lower = null;
        if (!At(":"))
        {
            lower = NamedExpression();
            if (!At(":"))
            {
                return lower;
            }
        }

        Expect(":");
        AstNode? upper = null, step = null;
        if (!At(":") && !At("]") && !At(","))
        {
            upper = Expression();
        }

        if (Accept(":") && !At("]") && !At(","))
        {
            step = Expression();
        }

        return Make("Slice", start, ("lower", lower), ("upper", upper), ("step", step));
    }

    /// <summary>
    /// The arguments of a call (after its '(' <paramref name="open"/>) or of a class definition (open is null):
    /// positional and starred first, then keywords and '**', with CPython's ordering errors; a lone generator
    /// expression takes the call's parentheses as its own.
    /// </summary>
    private (List<AstNode?> Args, List<AstNode?> Keywords) CallArguments(Token? open)
    {
        var args = new List<AstNode?>();
        var keywords = new List<AstNode?>();
        var sawKeyword = false;
        var sawDoubleStar = false;
        while (!At(")"))
        {
            var start = Peek();
            if (Accept("*"))
            {
                if (sawDoubleStar)
                {
                    throw Invalid("iterable argument unpacking follows keyword argument unpacking", start);
                }

                var value = Expression();
                args.Add(Make("Starred", start, ("value", value), ("ctx", Leaf("Load"))));
            }
            else if (Accept("**"))
            {
                var value = Expression();
                keywords.Add(Make("keyword", start, ("arg", null), ("value", value)));
                sawDoubleStar = true;
            }
            else if (IsName(start) && Peek(1).Is("="))
            {
                Next();
                Next();
                var value = Expression();
                keywords.Add(Make("keyword", start, ("arg", start.Text), ("value", value)));
                sawKeyword = true;
            }
            else
            {
                var value = NamedExpression();
                if (At("="))
                {
                    throw Invalid("expression cannot contain assignment, perhaps you meant \"==\"?", start);
                }

                if (At("for"))
                {
                    var generators = Comprehensions();
                    var sole = open is not null && args.Count == 0 && keywords.Count == 0 && At(")");
                    if (!sole)
                    {
                        throw InvalidAt("Generator expression must be parenthesized", value);
                    }

                    var end = Peek();
                    var span = new SourceSpan(open!.Line, open.Column, end.EndLine, end.EndColumn);
                    value = Make("GeneratorExp", span, ("elt", value), ("generators", generators));
                }
                else if (sawDoubleStar)
                {
                    throw InvalidAt("positional argument follows keyword argument unpacking", value);
                }
                else if (sawKeyword)
                {
                    throw InvalidAt("positional argument follows keyword argument", value);
                }

                args.Add(value);
            }

            if (!Accept(","))
            {
                break;
            }
        }

        Expect(")");
        return (args, keywords);
    }

    private List<AstNode?> Comprehensions()
    {
        var generators = new List<AstNode?>();
        while (true)
        {
            if (At("async"))
            {
                throw Unsupported("asynchronous comprehensions", Peek());
            }

            if (!Accept("for"))
            {
                return generators;
            }

            var target = StarTargets();
            Expect("in");
            var iter = Disjunction();
            var ifs = new List<AstNode?>();
            while (Accept("if"))
            {
                ifs.Add(Disjunction());
            }

            generators.Add(Make("comprehension", (SourceSpan?)null, ("target", target), ("iter", iter), ("ifs", ifs), ("is_async", 0)));
        }
    }

    /// <summary>star_targets: targets of for and comprehensions, parsed above comparisons so 'in' is left alone.</summary>
    private AstNode StarTargets()
    {
        var start = Peek();
        var first = StarTarget();
        if (!At(","))
        {
            return ToStore(first);
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (At("in") || At("=") || !StartsExpression(Peek()))
            {
                break;
            }

            items.Add(StarTarget());
        }

        return ToStore(Make("Tuple", start, ("elts", items), ("ctx", Leaf("Load"))));
    }

    private AstNode StarTarget()
    {
        var start = Peek();
        if (Accept("*"))
        {
            var value = BitwiseOr();
            return Make("Starred", start, ("value", value), ("ctx", Leaf("Load")));
        }

        return BitwiseOr();
    }

    /// <summary>The node as an assignment target: Store context, or CPython's "cannot assign to ..." error.</summary>
    private AstNode ToStore(AstNode node)
    {
        switch (node.Type)
        {
            case "Name" or "Attribute" or "Subscript":
                return node.With("ctx", Leaf("Store"));
            case "Starred":
                return node.With("value", ToStore(node.Node("value"))).With("ctx", Leaf("Store"));
            case "Tuple" or "List":
                var stored = node.With("elts", node.Nodes("elts").Select(e => (AstNode?)ToStore(e!)).ToList()).With("ctx", Leaf("Store"));
                if (_parenthesized.Contains(node))
                {
                    _parenthesized.Add(stored);
                }

                return stored;
            default:
                throw InvalidAt($"cannot assign to {Describe(node)}", node);
        }
    }

    /// <summary>How CPython's error messages name an expression (Parser/pegen.c _PyPegen_get_expr_name).</summary>
    private static string Describe(AstNode node) => node.Type switch
    {
        "Constant" => node["value"] switch
        {
            PyNone => "None",
            PyBool b => b.Repr(),
            PyEllipsis => "ellipsis",
            _ => "literal",
        },
        "Call" => "function call",
        "Compare" => "comparison",
        "Lambda" => "lambda",
        "IfExp" => "conditional expression",
        "BoolOp" or "BinOp" or "UnaryOp" => "expression",
        "GeneratorExp" => "generator expression",
        "ListComp" => "list comprehension",
        "SetComp" => "set comprehension",
        "DictComp" => "dict comprehension",
        "Dict" => "dict literal",
        "Set" => "set display",
        "Tuple" => "tuple",
        "List" => "list",
        "Starred" => "starred",
        _ => "expression",
    };

    private AstNode Atom()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                Next();
                return Constant(token.Text, token, null);
            case TokenKind.String:
                return Strings();
            case TokenKind.Name:
                if (!Keywords.Contains(token.Text))
                {
                    Next();
                    return Make("Name", token, ("id", token.Text), ("ctx", Leaf("Load")));
                }

                switch (token.Text)
                {
                    case "True":
                        Next();
                        return Make("Constant", token, ("value", PyBool.True), ("kind", null));
                    case "False":
                        Next();
                        return Make("Constant", token, ("value", PyBool.False), ("kind", null));
                    case "None":
                        Next();
                        return Make("Constant", token, ("value", PyNone.Instance), ("kind", null));
                    case var keyword when UnsupportedStatements.TryGetValue(keyword, out var what) && keyword is "yield" or "await":
                        throw Unsupported(what, token);
                }

                throw Invalid();
            case TokenKind.Op:
                switch (token.Text)
                {
                    case "...":
                        Next();
                        return Make("Constant", token, ("value", PyEllipsis.Instance), ("kind", null));
                    case "(":
                        return Parenthesized();
                    case "[":
                        return ListDisplay();
                    case "{":
                        return DictOrSetDisplay();
                }

                throw Invalid();
            default:
                throw Invalid(token.Kind == TokenKind.EndMarker || token.Kind == TokenKind.Newline ? "invalid syntax" : "invalid syntax");
        }
    }

    private AstNode Constant(string text, Token start, string? kind)
    {
        var parsed = ValueParser.Parse(text, LiteralHasher);
        if (parsed.Value is null)
        {
            var message = parsed.Diagnostic?.Message ?? parsed.Error?.Message ?? "invalid syntax";
            if (message.Contains("mix", StringComparison.Ordinal))
            {
                message = "cannot mix bytes and nonbytes literals";
            }

            throw Invalid(start.Kind == TokenKind.Number ? "invalid decimal literal" : message, start);
        }

        return Make("Constant", start, ("value", parsed.Value), ("kind", kind));
    }

    /// <summary>Adjacent string literals are one constant (implicit concatenation), starting at the first.</summary>
    private AstNode Strings()
    {
        var first = Peek();
        var parts = new List<string>();
        while (Peek().Kind == TokenKind.String)
        {
            parts.Add(Next().Text);
        }

        var kind = first.Text[0] is 'u' or 'U' ? "u" : null;
        return Constant(string.Join(' ', parts), first, kind);
    }

    private AstNode Parenthesized()
    {
        var open = Next();
        if (Accept(")"))
        {
            return Make("Tuple", open, ("elts", new List<AstNode?>()), ("ctx", Leaf("Load")));
        }

        if (At("yield"))
        {
            throw Unsupported(UnsupportedStatements["yield"], Peek());
        }

        var first = StarNamedExpression();
        if (At("for"))
        {
            var generators = Comprehensions();
            Expect(")");
            return Make("GeneratorExp", open, ("elt", first), ("generators", generators));
        }

        if (!At(","))
        {
            Expect(")");
            if (first.Type == "Starred")
            {
                throw InvalidAt("cannot use starred expression here", first);
            }

            _parenthesized.Add(first);
            return first;
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (At(")"))
            {
                break;
            }

            items.Add(StarNamedExpression());
        }

        Expect(")");
        var tuple = Make("Tuple", open, ("elts", items), ("ctx", Leaf("Load")));
        _parenthesized.Add(tuple);
        return tuple;
    }

    private AstNode ListDisplay()
    {
        var open = Next();
        var items = new List<AstNode?>();
        if (!At("]"))
        {
            var first = StarNamedExpression();
            if (At("for"))
            {
                var generators = Comprehensions();
                Expect("]");
                return Make("ListComp", open, ("elt", first), ("generators", generators));
            }

            items.Add(first);
            while (Accept(","))
            {
                if (At("]"))
                {
                    break;
                }

                items.Add(StarNamedExpression());
            }
        }

        Expect("]");
        return Make("List", open, ("elts", items), ("ctx", Leaf("Load")));
    }

    private AstNode DictOrSetDisplay()
    {
        var open = Next();
        if (Accept("}"))
        {
            return Make("Dict", open, ("keys", new List<AstNode?>()), ("values", new List<AstNode?>()));
        }

        if (At("**") || !At("*") && StartsDictEntry())
        {
            var keys = new List<AstNode?>();
            var values = new List<AstNode?>();
            while (true)
            {
                if (Accept("**"))
                {
                    keys.Add(null);
                    values.Add(BitwiseOr());
                }
                else
                {
                    var key = Expression();
                    Expect(":");
                    var value = Expression();
                    if (keys.Count == 0 && At("for"))
                    {
                        var generators = Comprehensions();
                        Expect("}");
                        return Make("DictComp", open, ("key", key), ("value", value), ("generators", generators));
                    }

                    keys.Add(key);
                    values.Add(value);
                }

                if (!Accept(",") || At("}"))
                {
                    break;
                }
            }

            Expect("}");
            return Make("Dict", open, ("keys", keys), ("values", values));
        }

        var first = StarNamedExpression();
        if (At("for"))
        {
            var generators = Comprehensions();
            Expect("}");
            return Make("SetComp", open, ("elt", first), ("generators", generators));
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (At("}"))
            {
                break;
            }

            items.Add(StarNamedExpression());
        }

        Expect("}");
        return Make("Set", open, ("elts", items));
    }

    /// <summary>Looks ahead (without building nodes) for a ':' at bracket depth 0 before the first ',' or '}'.</summary>
    private bool StartsDictEntry()
    {
        var depth = 0;
        for (var i = _index; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind != TokenKind.Op)
            {
                if (depth == 0 && token.Is("lambda"))
                {
                    return false;
                }

                continue;
            }

            switch (token.Text)
            {
                case "(" or "[" or "{":
                    depth++;
                    break;
                case ")" or "]" or "}":
                    if (depth == 0)
                    {
                        return false;
                    }

                    depth--;
                    break;
                case ":" when depth == 0:
                    return true;
                case "," when depth == 0:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A parameter list (def: up to ')', with annotations; lambda: up to ':'), as Grammar/python.gram parameters,
    /// into an <c>arguments</c> node.
    /// </summary>
    private AstNode Parameters(string end, bool annotations)
    {
        var posonly = new List<AstNode?>();
        var args = new List<AstNode?>();
        var defaults = new List<AstNode?>();
        var kwonly = new List<AstNode?>();
        var kwDefaults = new List<AstNode?>();
        AstNode? vararg = null, kwarg = null;
        bool seenSlash = false, seenStar = false, bareStar = false;
        Token? starToken = null;
        while (!At(end))
        {
            var token = Peek();
            if (kwarg is not null)
            {
                throw Invalid("arguments cannot follow var-keyword argument");
            }

            if (Accept("/"))
            {
                if (seenSlash)
                {
                    throw Invalid("/ may appear only once", token);
                }

                if (seenStar)
                {
                    throw Invalid("/ must be ahead of *", token);
                }

                if (args.Count == 0)
                {
                    throw Invalid("at least one argument must precede /", token);
                }

                posonly.AddRange(args);
                args.Clear();
                seenSlash = true;
            }
            else if (Accept("*"))
            {
                if (seenStar)
                {
                    throw Invalid("* argument may appear only once", token);
                }

                seenStar = true;
                starToken = token;
                if (At(",") || At(end))
                {
                    bareStar = true;
                }
                else
                {
                    vararg = Parameter(annotations, star: true);
                }
            }
            else if (Accept("**"))
            {
                kwarg = Parameter(annotations, star: false);
                if (At("="))
                {
                    throw Invalid("var-keyword argument cannot have default value");
                }
            }
            else
            {
                var arg = Parameter(annotations, star: false);
                AstNode? value = Accept("=") ? Expression() : null;
                if (!seenStar)
                {
                    if (value is not null)
                    {
                        defaults.Add(value);
                    }
                    else if (defaults.Count > 0)
                    {
                        throw InvalidAt(PythonSyntax.NonDefaultArgument, arg);
                    }

                    args.Add(arg);
                }
                else
                {
                    kwonly.Add(arg);
                    kwDefaults.Add(value);
                }
            }

            if (!Accept(","))
            {
                break;
            }
        }

        if (bareStar && kwonly.Count == 0)
        {
            throw Invalid("named arguments must follow bare *", starToken);
        }

        if (!At(end))
        {
            throw Invalid();
        }

        return Make("arguments", (SourceSpan?)null, ("posonlyargs", posonly), ("args", args), ("vararg", vararg),
            ("kwonlyargs", kwonly), ("kw_defaults", kwDefaults), ("kwarg", kwarg), ("defaults", defaults));
    }

    private AstNode Parameter(bool annotations, bool star)
    {
        var start = Peek();
        var name = ExpectName();
        AstNode? annotation = null;
        if (annotations && Accept(":"))
        {
            if (star && At("*"))
            {
                throw Unsupported("starred annotations (*args: *Ts)", Peek());
            }

            annotation = Expression();
        }

        return Make("arg", start, ("arg", name), ("annotation", annotation), ("type_comment", null));
    }
}
