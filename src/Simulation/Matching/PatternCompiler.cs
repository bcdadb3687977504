using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// The checks Python/compile.c makes while compiling a match statement (compiler_match_inner and the
/// compiler_pattern_* functions), in its traversal order: irrefutable patterns only last or guarded, one starred
/// name per sequence, no duplicate literal keys, no name bound twice, the same names in every alternative.
/// </summary>
internal sealed class PatternCompiler(string source)
{
    private List<string> _stores = [];
    private bool _allowIrrefutable;

    public static PythonError? Check(string source, IReadOnlyList<AstNode?> cases)
    {
        var compiler = new PatternCompiler(source);
        for (var i = 0; i < cases.Count; i++)
        {
            compiler._stores = [];
            compiler._allowIrrefutable = cases[i]!.OptionalNode("guard") is not null || i == cases.Count - 1;
            if (compiler.Pattern(cases[i]!.Node("pattern")) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static PythonError Error(string message) => new("SyntaxError", message);

    private PythonError? Store(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (_stores.Contains(name))
        {
            return Error($"multiple assignments to name '{name}' in pattern");
        }

        _stores.Add(name);
        return null;
    }

    private PythonError? Subpattern(AstNode pattern)
    {
        var allow = _allowIrrefutable;
        _allowIrrefutable = true;
        var error = Pattern(pattern);
        _allowIrrefutable = allow;
        return error;
    }

    private PythonError? Pattern(AstNode p)
    {
        switch (p.Type)
        {
            case "MatchValue" or "MatchSingleton":
                return null;
            case "MatchAs" when p.OptionalNode("pattern") is null:
                if (!_allowIrrefutable)
                {
                    return p.Identifier("name") is { } name
                        ? Error($"name capture '{name}' makes remaining patterns unreachable")
                        : Error("wildcard makes remaining patterns unreachable");
                }

                return Store(p.Identifier("name"));
            case "MatchAs":
                return Pattern(p.Node("pattern")) ?? Store(p.Identifier("name"));
            case "MatchStar":
                return Store(p.Identifier("name"));
            case "MatchSequence":
            {
                var patterns = p.Nodes("patterns");
                if (patterns.Count(s => s!.Type == "MatchStar") > 1)
                {
                    return Error("multiple starred names in sequence pattern");
                }

                foreach (var sub in patterns)
                {
                    if (Subpattern(sub!) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            }

            case "MatchMapping":
            {
                // Literal keys are constants once Python/ast_opt.c has folded -1 and 1+2j.
                var seen = new List<PyValue>();
                foreach (var key in p.Nodes("keys"))
                {
                    if (Literal(source, key!) is { } value)
                    {
                        if (seen.Any(s => PyEquality.Equal(s, value)))
                        {
                            return Error($"mapping pattern checks duplicate key ({value.Repr()})");
                        }

                        seen.Add(value);
                    }
                }

                foreach (var sub in p.Nodes("patterns"))
                {
                    if (Subpattern(sub!) is { } error)
                    {
                        return error;
                    }
                }

                return Store(p.Identifier("rest"));
            }

            case "MatchClass":
            {
                // validate_kwd_attrs, before any sub-pattern is compiled.
                var attrs = (IReadOnlyList<string>)p["kwd_attrs"]!;
                for (var i = 0; i < attrs.Count; i++)
                {
                    if (attrs.Skip(i + 1).Contains(attrs[i], StringComparer.Ordinal))
                    {
                        return Error($"attribute name repeated in class pattern: {attrs[i]}");
                    }
                }

                foreach (var sub in p.Nodes("patterns").Concat(p.Nodes("kwd_patterns")))
                {
                    if (Subpattern(sub!) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            }

            case "MatchOr":
            {
                var outer = _stores;
                var allow = _allowIrrefutable;
                List<string>? control = null;
                var alternatives = p.Nodes("patterns");
                for (var i = 0; i < alternatives.Count; i++)
                {
                    _stores = [];
                    _allowIrrefutable = i == alternatives.Count - 1 && allow;
                    if (Pattern(alternatives[i]!) is { } error)
                    {
                        return error;
                    }

                    if (control is null)
                    {
                        control = _stores;
                    }
                    else if (_stores.Count != control.Count || control.Any(n => !_stores.Contains(n)))
                    {
                        return Error("alternative patterns bind different names");
                    }
                }

                _stores = outer;
                _allowIrrefutable = allow;
                foreach (var name in control!)
                {
                    if (Store(name) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            }

            default:
                return null;
        }
    }

    /// <summary>The constant a literal pattern or key stands for (negative numbers and complex literals folded).</summary>
    public static PyValue? Literal(string source, AstNode node) =>
        node.Type is "Constant" or "UnaryOp" or "BinOp"
            ? ValueParser.Parse(SourceText.Segment(source, node.Span!.Value), LiteralHasher).Value
            : null;

    private static readonly Hashing.PyHasher LiteralHasher = new(PythonVersion.V311, 0);
}
