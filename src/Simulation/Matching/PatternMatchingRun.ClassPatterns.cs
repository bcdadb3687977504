using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// Class patterns as MATCH_CLASS runs them (match_class, _PyEval_MatchClass from 3.13): the class expression must
/// be a type, isinstance, then <c>__match_args__</c> for the positional sub-patterns, each attribute fetched
/// (match_class_attr: a repeated name is a TypeError, a missing one fails the match), then the sub-patterns
/// against the fetched values in order. And value patterns on dotted names, compared with ==.
/// </summary>
internal sealed partial class PatternMatchingRun
{
    /// <summary>The value of a dotted name (<c>Color.RED</c>, <c>Point</c>): LOAD_NAME, then LOAD_ATTR.</summary>
    private Subject Dotted(AstNode node) => node.Type switch
    {
        "Name" => LoadName(node.Identifier("id")!),
        "Attribute" => GetAttribute(Dotted(node.Node("value")), node.Identifier("attr")!),
        _ => throw new NotModelled($"{node.Type} expressions in patterns"),
    };

    private bool MatchDottedValue(AstNode p, Subject s, Dictionary<string, Subject> captured)
    {
        var node = p.Node("value");
        var value = Dotted(node);
        return Check(Subject.Equal(s, value), $"{s.Repr()} == {Text(node)} (which is {value.Repr()})?", p, s, captured);
    }

    private bool MatchClass(AstNode p, Subject s, Dictionary<string, Subject> captured)
    {
        var clsNode = p.Node("cls");
        var patterns = p.Nodes("patterns");
        var kwdAttrs = (IReadOnlyList<string>)p["kwd_attrs"]!;
        var kwdPatterns = p.Nodes("kwd_patterns");
        if (Dotted(clsNode).Value is not PyClassObject cls)
        {
            Throw("TypeError", version.AtLeast(12) ? "called match pattern must be a class" : "called match pattern must be a type", MatchingSource.MatchClass(version));
            return false;
        }

        var mro = s.Value is PyInstance instance ? $", i.e. is {cls.Name} in {instance.Class.Name}.__mro__ = {instance.Class.MroText}" : "";
        if (!Check(cls.IsInstance(s), $"isinstance({s.Repr()}, {Text(clsNode)}){mro}?", p, s, captured, MatchingSource.MatchClass(version)))
        {
            return false;
        }

        var attributes = new List<Subject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (patterns.Count > 0)
        {
            var matchArgs = cls.Lookup("__match_args__");
            var matchSelf = false;
            IReadOnlyList<Subject> names = [];
            if (matchArgs is { } found)
            {
                var from = found.Owner == cls ? "" : $", inherited from {found.Owner.Name}";
                Emit("match-args", $"{Text(p)}: {Plural(patterns.Count, "positional sub-pattern")}, so {cls.Name}.__match_args__ is looked up: {found.Value.Repr()}{from}.", p, s, captured, MatchingSource.MatchClass(version));
                if (found.Value.Value is not PyTuple)
                {
                    Throw("TypeError", $"{cls.Name}.__match_args__ must be a tuple (got {found.Value.TypeName})", MatchingSource.MatchClass(version));
                }

                names = found.Value.Items!;
            }
            else
            {
                matchSelf = cls.MatchSelf;
                Emit("match-args", $"{Text(p)}: {cls.Name} has no __match_args__"
                    + (matchSelf ? $"; {cls.Name} is a builtin that matches itself, so one positional sub-pattern takes the subject." : ", so it takes no positional sub-patterns."),
                    p, s, captured, MatchingSource.MatchClass(version));
            }

            var allowed = matchSelf ? 1 : names.Count;
            if (allowed < patterns.Count)
            {
                Throw("TypeError", $"{cls.Name}() accepts {Plural(allowed, "positional sub-pattern")} ({patterns.Count} given)", MatchingSource.MatchClass(version));
            }

            if (matchSelf)
            {
                attributes.Add(s);
            }
            else
            {
                for (var i = 0; i < patterns.Count; i++)
                {
                    if (names[i].Value is not PyStr name)
                    {
                        Throw("TypeError", $"__match_args__ elements must be strings (got {names[i].TypeName})", MatchingSource.MatchClass(version));
                        return false;
                    }

                    if (MatchClassAttribute(p, cls, s, name, seen, captured) is not { } attribute)
                    {
                        return false;
                    }

                    attributes.Add(attribute);
                }
            }
        }

        foreach (var attr in kwdAttrs)
        {
            if (MatchClassAttribute(p, cls, s, new PyStr(attr.EnumerateRunes().Select(r => r.Value)), seen, captured) is not { } attribute)
            {
                return false;
            }

            attributes.Add(attribute);
        }

        // MATCH_CLASS left a tuple of every attribute; the sub-patterns then run against it in order.
        var subpatterns = patterns.Concat(kwdPatterns).ToList();
        for (var i = 0; i < subpatterns.Count; i++)
        {
            if (!Match(subpatterns[i]!, attributes[i], captured))
            {
                return false;
            }
        }

        return true;
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>match_class_attr: the name must not have been fetched already; a missing attribute fails the match.</summary>
    private Subject? MatchClassAttribute(AstNode p, PyClassObject cls, Subject s, PyStr name, HashSet<string> seen, Dictionary<string, Subject> captured)
    {
        var text = Calls.ArgumentValue.Str(name);
        if (!seen.Add(text))
        {
            Throw("TypeError", $"{cls.Name}() got multiple sub-patterns for attribute {name.Repr()}", MatchingSource.MatchClassAttr(version));
        }

        var (value, where) = LookupAttribute(s, text);
        if (value is null)
        {
            Check(false, $"getattr({s.Repr()}, {name.Repr()}) raises AttributeError: {where}; match_class_attr swallows it", p, s, captured, MatchingSource.MatchClassAttr(version));
            return null;
        }

        Emit("attribute", $"{Text(p)}: getattr({s.Repr()}, {name.Repr()}) is {value.Repr()}, {where}.", p, value, captured, MatchingSource.MatchClassAttr(version));
        return value;
    }
}
