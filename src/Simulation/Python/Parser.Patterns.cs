using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Python;

/// <summary>The patterns of <c>case</c> clauses (PEP 634; Grammar/python.gram patterns).</summary>
internal sealed partial class Parser
{
    /// <summary>patterns: an open sequence (<c>case a, *b:</c>) or one pattern.</summary>
    private AstNode Patterns()
    {
        var start = Peek();
        var first = MaybeStarPattern();
        if (!At(","))
        {
            if (first.Type == "MatchStar")
            {
                return Make("MatchSequence", start, ("patterns", new List<AstNode?> { first }));
            }

            return first;
        }

        var items = new List<AstNode?> { first };
        while (Accept(","))
        {
            if (At(":") || At("if"))
            {
                break;
            }

            items.Add(MaybeStarPattern());
        }

        return Make("MatchSequence", start, ("patterns", items));
    }

    private AstNode MaybeStarPattern()
    {
        var start = Peek();
        if (!Accept("*"))
        {
            return Pattern();
        }

        var name = ExpectName();
        return Make("MatchStar", start, ("name", name == "_" ? null : name));
    }

    /// <summary>pattern: or_pattern ['as' NAME].</summary>
    private AstNode Pattern()
    {
        var start = Peek();
        var pattern = OrPattern();
        if (!At("as"))
        {
            return pattern;
        }

        Next();
        var nameToken = Peek();
        var name = ExpectName();
        if (name == "_")
        {
            throw Invalid("cannot use '_' as a target", nameToken);
        }

        return Make("MatchAs", start, ("pattern", pattern), ("name", name));
    }

    private AstNode OrPattern()
    {
        var start = Peek();
        var first = ClosedPattern();
        if (!At("|"))
        {
            return first;
        }

        var patterns = new List<AstNode?> { first };
        while (Accept("|"))
        {
            patterns.Add(ClosedPattern());
        }

        return Make("MatchOr", start, ("patterns", patterns));
    }

    private AstNode ClosedPattern()
    {
        var start = Peek();
        switch (start.Kind)
        {
            case TokenKind.Number:
                return Make("MatchValue", start, ("value", SignedNumber()));
            case TokenKind.String:
                return Make("MatchValue", start, ("value", Strings()));
            case TokenKind.Name:
                switch (start.Text)
                {
                    case "None":
                        Next();
                        return Make("MatchSingleton", start, ("value", PyNone.Instance));
                    case "True":
                        Next();
                        return Make("MatchSingleton", start, ("value", PyBool.True));
                    case "False":
                        Next();
                        return Make("MatchSingleton", start, ("value", PyBool.False));
                }

                var name = ExpectName();
                if (!At(".") && !At("("))
                {
                    return name == "_"
                        ? Make("MatchAs", start, ("pattern", null), ("name", null))
                        : Make("MatchAs", start, ("pattern", null), ("name", name));
                }

                var value = Make("Name", start, ("id", name), ("ctx", Leaf("Load")));
                while (Accept("."))
                {
                    var attr = ExpectName();
                    value = Make("Attribute", start, ("value", value), ("attr", attr), ("ctx", Leaf("Load")));
                }

                return At("(") ? ClassPattern(start, value) : Make("MatchValue", start, ("value", value));
            case TokenKind.Op:
                switch (start.Text)
                {
                    case "-":
                        return Make("MatchValue", start, ("value", SignedNumber()));
                    case "(":
                        Next();
                        if (Accept(")"))
                        {
                            return Make("MatchSequence", start, ("patterns", new List<AstNode?>()));
                        }

                        var first = MaybeStarPattern();
                        if (Accept(")"))
                        {
                            if (first.Type == "MatchStar")
                            {
                                return Make("MatchSequence", start, ("patterns", new List<AstNode?> { first }));
                            }

                            return first;
                        }

                        var items = new List<AstNode?> { first };
                        while (Accept(","))
                        {
                            if (At(")"))
                            {
                                break;
                            }

                            items.Add(MaybeStarPattern());
                        }

                        Expect(")");
                        return Make("MatchSequence", start, ("patterns", items));
                    case "[":
                        Next();
                        var elements = new List<AstNode?>();
                        while (!At("]"))
                        {
                            elements.Add(MaybeStarPattern());
                            if (!Accept(","))
                            {
                                break;
                            }
                        }

                        Expect("]");
                        return Make("MatchSequence", start, ("patterns", elements));
                    case "{":
                        return MappingPattern();
                }

                break;
        }

        throw Invalid();
    }

    /// <summary>signed_number and complex_number: <c>-1</c>, <c>1.5</c>, <c>-1 + 2j</c>.</summary>
    private AstNode SignedNumber()
    {
        var start = Peek();
        AstNode real;
        if (Accept("-"))
        {
            var number = NumberToken();
            real = Make("UnaryOp", start, ("op", Leaf("USub")), ("operand", number));
        }
        else
        {
            real = NumberToken();
        }

        if (!At("+") && !At("-"))
        {
            return real;
        }

        var op = Next().Text == "+" ? "Add" : "Sub";
        var imaginary = NumberToken();
        if (imaginary["value"] is not PyComplex)
        {
            throw Invalid("imaginary number required in complex literal", _last);
        }

        if ((real.Type == "UnaryOp" ? real.Node("operand") : real)["value"] is PyComplex)
        {
            throw Invalid("real number required in complex literal", start);
        }

        return Make("BinOp", start, ("left", real), ("op", Leaf(op)), ("right", imaginary));
    }

    private AstNode NumberToken()
    {
        var token = Peek();
        if (token.Kind != TokenKind.Number)
        {
            throw Invalid();
        }

        Next();
        return Constant(token.Text, token, null);
    }

    private AstNode MappingPattern()
    {
        var start = Next();
        var keys = new List<AstNode?>();
        var patterns = new List<AstNode?>();
        string? rest = null;
        while (!At("}"))
        {
            if (Accept("**"))
            {
                rest = ExpectName();
                Accept(",");
                break;
            }

            var keyStart = Peek();
            AstNode key;
            if (keyStart.Kind == TokenKind.String)
            {
                key = Strings();
            }
            else if (keyStart.Kind == TokenKind.Number || keyStart.Is("-"))
            {
                key = SignedNumber();
            }
            else if (keyStart.Is("None") || keyStart.Is("True") || keyStart.Is("False"))
            {
                key = Atom();
            }
            else if (IsName(keyStart) && Peek(1).Is("."))
            {
                key = Make("Name", keyStart, ("id", ExpectName()), ("ctx", Leaf("Load")));
                while (Accept("."))
                {
                    var attr = ExpectName();
                    key = Make("Attribute", keyStart, ("value", key), ("attr", attr), ("ctx", Leaf("Load")));
                }
            }
            else
            {
                throw Invalid();
            }

            Expect(":");
            keys.Add(key);
            patterns.Add(Pattern());
            if (!Accept(","))
            {
                break;
            }
        }

        Expect("}");
        return Make("MatchMapping", start, ("keys", keys), ("patterns", patterns), ("rest", rest));
    }

    private AstNode ClassPattern(Token start, AstNode cls)
    {
        Next();
        var patterns = new List<AstNode?>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<AstNode?>();
        while (!At(")"))
        {
            var token = Peek();
            if (IsName(token) && Peek(1).Is("="))
            {
                Next();
                Next();
                kwdAttrs.Add(token.Text);
                kwdPatterns.Add(Pattern());
            }
            else
            {
                var pattern = Pattern();
                if (kwdAttrs.Count > 0)
                {
                    throw InvalidAt("positional patterns follow keyword patterns", pattern);
                }

                patterns.Add(pattern);
            }

            if (!Accept(","))
            {
                break;
            }
        }

        Expect(")");
        return Make("MatchClass", start, ("cls", cls), ("patterns", patterns), ("kwd_attrs", kwdAttrs), ("kwd_patterns", kwdPatterns));
    }
}
