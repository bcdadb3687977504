using System.Numerics;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// One pattern-matching trace: the compiler's checks first (Python/compile.c), then the source's class statements
/// and the subject's assignment, then each case tried in order as the compiled code does it (MATCH_SEQUENCE and
/// GET_LEN, MATCH_MAPPING and MATCH_KEYS, MATCH_CLASS, ==, is), captured names stored once a case's pattern
/// succeeds, then its guard.
/// </summary>
internal sealed partial class PatternMatchingRun(
    JsonObject canonicalInput,
    PythonVersion version,
    string source,
    string subjectName,
    AstNode subjectNode,
    string subjectText,
    IReadOnlyList<AstNode> classDefs,
    IReadOnlyList<AstNode?> cases) : SimulationRun(canonicalInput)
{
    private readonly List<Step> _steps = [];
    private readonly Dictionary<string, Subject> _namespace = new(StringComparer.Ordinal);
    private int? _case;
    private PatternMatchingResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps() => Execute();

    /// <summary>
    /// Runs the module (small and bounded) and returns its steps: the class statements, the subject's assignment,
    /// then the match statement. <see cref="NotModelled"/> and <see cref="BadInput"/> escape.
    /// </summary>
    public IReadOnlyList<Step> Execute()
    {
        _steps.Clear();
        _namespace.Clear();
        _classes.Clear();
        _case = null;
        if (PatternCompiler.Check(source, cases) is { } compileError)
        {
            return Finish(null, [], compileError, $"The compiler rejects the statement: SyntaxError: {compileError.Message}", MatchingSource.CompilerMatch(version));
        }

        try
        {
            foreach (var classDef in classDefs)
            {
                CreateClass(classDef);
            }

            var subject = Build(subjectNode, subjectText, "subject");
            _namespace[subjectName] = subject;
            if (classDefs.Count > 0)
            {
                Emit("subject", $"{subjectName} = {subject.Repr()}: the match statement starts.", null, subject, []);
            }

            for (var i = 0; i < cases.Count; i++)
            {
                _case = i;
                var pattern = cases[i]!.Node("pattern");
                Emit("case", $"case {Text(pattern)}: try it against {subject.Repr()}.", pattern, subject, []);
                var captured = new Dictionary<string, Subject>(StringComparer.Ordinal);
                if (!Match(pattern, subject, captured))
                {
                    continue;
                }

                // Captured names are stored when the pattern succeeds, even if the guard then fails.
                foreach (var (name, value) in captured)
                {
                    _namespace[name] = value;
                }

                if (cases[i]!.OptionalNode("guard") is { } guard)
                {
                    var ok = Eval(guard).Truthy;
                    Emit("guard", $"The guard {Text(guard)} is {(ok ? "true" : "false")}.", guard, null, captured);
                    if (!ok)
                    {
                        continue;
                    }
                }

                var bindings = captured.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Repr(), StringComparer.Ordinal);
                return Finish(i, bindings, null, $"case {i} matches" + (bindings.Count == 0 ? "." : $": {string.Join(", ", bindings.Select(b => $"{b.Key} = {b.Value}"))}."));
            }
        }
        catch (MatchError error)
        {
            return Finish(null, [], error.Error, $"{error.Error.Type}: {error.Error.Message}", error.At);
        }

        _case = null;
        return Finish(null, [], null, "No case matches: the match statement does nothing.");
    }

    private List<Step> Finish(int? matched, Dictionary<string, string> bindings, PythonError? error, string message, SourceLocation? source = null)
    {
        _result = new PatternMatchingResult(matched, bindings, error);
        _steps.Add(new Step(_steps.Count, error is null ? "result" : "exception", message,
            new PatternMatchingState(matched ?? _case, null, null, bindings), [.. bindings.Keys], source));
        return _steps;
    }

#pragma warning disable CA1064 // internal control flow, never leaves the run
    private sealed class MatchError(PythonError error, SourceLocation? source) : Exception(error.Message)
#pragma warning restore CA1064
    {
        public PythonError Error { get; } = error;

        public SourceLocation? At { get; } = source;
    }

    private string Text(AstNode node) => SourceText.Segment(source, node.Span!.Value);

    private void Emit(string kind, string message, AstNode? pattern, Subject? part, Dictionary<string, Subject> captured, SourceLocation? at = null) =>
        _steps.Add(new Step(_steps.Count, kind, message,
            new PatternMatchingState(_case, pattern is null ? null : Text(pattern), part?.Repr(),
                captured.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Repr(), StringComparer.Ordinal)),
            [], at));

    private bool Check(bool ok, string what, AstNode pattern, Subject part, Dictionary<string, Subject> captured, SourceLocation? at = null)
    {
        Emit("check", $"{Text(pattern)}: {what} — {(ok ? "yes" : "no, the case fails")}.", pattern, part, captured, at);
        return ok;
    }

    private bool Match(AstNode p, Subject s, Dictionary<string, Subject> captured)
    {
        switch (p.Type)
        {
            case "MatchAs":
                if (p.OptionalNode("pattern") is { } inner && !Match(inner, s, captured))
                {
                    return false;
                }

                if (p.Identifier("name") is { } name)
                {
                    captured[name] = s;
                    Emit("capture", $"{name} = {s.Repr()}.", p, s, captured);
                }
                else if (p.OptionalNode("pattern") is null)
                {
                    Emit("check", "_ matches anything and binds nothing.", p, s, captured);
                }

                return true;
            case "MatchValue" when PatternCompiler.Literal(source, p.Node("value")) is { } value:
                return Check(Subject.Equal(s, Subject.Of(value)), $"{s.Repr()} == {value.Repr()}?", p, s, captured);
            case "MatchValue":
                return MatchDottedValue(p, s, captured);
            case "MatchSingleton":
                var singleton = (PyValue)p["value"]!;
                var same = (singleton, s.Value) switch
                {
                    (PyNone, PyNone) => true,
                    (PyBool a, PyBool b) => a.Value == b.Value,
                    _ => false,
                };
                return Check(same, $"{s.Repr()} is {singleton.Repr()}?", p, s, captured);
            case "MatchOr":
                foreach (var alternative in p.Nodes("patterns"))
                {
                    var attempt = new Dictionary<string, Subject>(captured, StringComparer.Ordinal);
                    if (Match(alternative!, s, attempt))
                    {
                        foreach (var (k, v) in attempt)
                        {
                            captured[k] = v;
                        }

                        return true;
                    }
                }

                return false;
            case "MatchSequence":
                return MatchSequence(p, s, captured);
            case "MatchMapping":
                return MatchMapping(p, s, captured);
            case "MatchClass":
                return MatchClass(p, s, captured);
            default:
                throw new NotModelled($"{p.Type} patterns");
        }
    }

    private bool MatchSequence(AstNode p, Subject s, Dictionary<string, Subject> captured)
    {
        if (!Check(s.IsSequence, $"is {s.Repr()} a sequence (list or tuple, not str, bytes or dict)?", p, s, captured))
        {
            return false;
        }

        var patterns = p.Nodes("patterns");
        var star = patterns.ToList().FindIndex(x => x!.Type == "MatchStar");
        var items = s.Items!;
        var lengthOk = star < 0 ? items.Count == patterns.Count : items.Count >= patterns.Count - 1;
        if (!Check(lengthOk, star < 0 ? $"len is {items.Count}, need exactly {patterns.Count}" : $"len is {items.Count}, need at least {patterns.Count - 1}", p, s, captured))
        {
            return false;
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            if (i == star)
            {
                var middle = items.Skip(star).Take(items.Count - (patterns.Count - 1)).ToList();
                if (patterns[i]!.Identifier("name") is { } name)
                {
                    var list = new Subject(new PyUnhashable("list", "[" + string.Join(", ", middle.Select(m => m.Repr())) + "]"), middle, null);
                    captured[name] = list;
                    Emit("capture", $"*{name} = {list.Repr()}.", patterns[i], list, captured);
                }

                continue;
            }

            var item = star >= 0 && i > star ? items[items.Count - (patterns.Count - i)] : items[i];
            if (!Match(patterns[i]!, item, captured))
            {
                return false;
            }
        }

        return true;
    }

    private bool MatchMapping(AstNode p, Subject s, Dictionary<string, Subject> captured)
    {
        if (!Check(s.IsMapping, $"is {s.Repr()} a mapping?", p, s, captured))
        {
            return false;
        }

        var keys = p.Nodes("keys").Select(k => PatternCompiler.Literal(source, k!) ?? throw new NotModelled("mapping keys that are dotted names")).ToList();
        var entries = s.Entries!;
        if (!Check(entries.Count >= keys.Count, $"len is {entries.Count}, need at least {keys.Count}", p, s, captured))
        {
            return false;
        }

        var found = new List<Subject>();
        foreach (var key in keys)
        {
            var index = entries.ToList().FindIndex(e => PyEquality.Equal(e.Key.Value, key));
            if (!Check(index >= 0, $"has key {key.Repr()}?", p, s, captured))
            {
                return false;
            }

            found.Add(entries[index].Value);
        }

        var patterns = p.Nodes("patterns");
        for (var i = 0; i < patterns.Count; i++)
        {
            if (!Match(patterns[i]!, found[i], captured))
            {
                return false;
            }
        }

        if (p.Identifier("rest") is { } rest)
        {
            var remaining = entries.Where(e => !keys.Any(k => PyEquality.Equal(e.Key.Value, k))).ToList();
            var repr = "{" + string.Join(", ", remaining.Select(e => $"{e.Key.Repr()}: {e.Value.Repr()}")) + "}";
            var dict = new Subject(new PyUnhashable("dict", repr), null, remaining);
            captured[rest] = dict;
            Emit("capture", $"**{rest} = {repr}.", p, dict, captured);
        }

        return true;
    }

    // ------------------------------------------------------------------ guards

    private Subject Eval(AstNode node)
    {
        switch (node.Type)
        {
            case "Name":
                return LoadName(node.Identifier("id")!);
            case "Attribute":
                return GetAttribute(Eval(node.Node("value")), node.Identifier("attr")!);
            case "Constant" when node["value"] is PyValue constant:
                return Subject.Of(constant);
            case "UnaryOp" when node.Node("op").Type == "Not":
                return Subject.Of(Eval(node.Node("operand")).Truthy ? PyBool.False : PyBool.True);
            case "BoolOp":
            {
                var isAnd = node.Node("op").Type == "And";
                Subject last = null!;
                foreach (var operand in node.Nodes("values"))
                {
                    last = Eval(operand!);
                    if (last.Truthy != isAnd)
                    {
                        return last;
                    }
                }

                return last;
            }

            case "Call" when node.Node("func") is { Type: "Name" } f && f.Identifier("id") == "len" && node.Nodes("args").Count == 1 && node.Nodes("keywords").Count == 0:
            {
                var operand = Eval(node.Nodes("args")[0]!);
                var length = operand.Items?.Count ?? operand.Entries?.Count ?? operand.Value switch
                {
                    PyStr s => s.CodePoints.Count,
                    PyBytes b => b.Data.Length,
                    PyInstance or PyClassObject => throw new MatchError(new PythonError("TypeError", $"object of type '{operand.TypeName}' has no len()"), null),
                    _ => throw new NotModelled($"len() of {operand.TypeName}"),
                };
                return Subject.Of(new PyInt(length));
            }

            case "Compare" when node.Nodes("ops").Count == 1:
                return Subject.Of(Compare(node.Nodes("ops")[0]!.Type, Eval(node.Node("left")), Eval(node.Nodes("comparators")[0]!)) ? PyBool.True : PyBool.False);
            default:
                throw new NotModelled("this kind of guard expression");
        }
    }

    private static bool Compare(string op, Subject a, Subject b)
    {
        switch (op)
        {
            case "Eq":
                return Subject.Equal(a, b);
            case "NotEq":
                return !Subject.Equal(a, b);
        }

        // Objects of the source's classes define no ordering: both reflected attempts return NotImplemented.
        if (op is "Lt" or "LtE" or "Gt" or "GtE" && (a.Value is PyInstance or PyClassObject || b.Value is PyInstance or PyClassObject))
        {
            var symbol = op switch { "Lt" => "<", "LtE" => "<=", "Gt" => ">", _ => ">=" };
            Throw("TypeError", $"'{symbol}' not supported between instances of '{a.TypeName}' and '{b.TypeName}'");
        }

        if (Number(a.Value) is { } x && Number(b.Value) is { } y)
        {
            var c = x.CompareTo(y);
            return op switch
            {
                "Lt" => c < 0,
                "LtE" => c <= 0,
                "Gt" => c > 0,
                "GtE" => c >= 0,
                _ => throw new NotModelled("this comparison"),
            };
        }

        if (a.Value is PyStr s && b.Value is PyStr t && op is "Lt" or "LtE" or "Gt" or "GtE")
        {
            var c = s.CodePoints.Zip(t.CodePoints).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(d => d != 0);
            c = c != 0 ? c : s.CodePoints.Count.CompareTo(t.CodePoints.Count);
            return op switch { "Lt" => c < 0, "LtE" => c <= 0, "Gt" => c > 0, _ => c >= 0 };
        }

        throw new NotModelled("this comparison");
    }

    /// <summary>Exact ints (bool included) compared as integers; floats with an int part only when integral.</summary>
    private static BigInteger? Number(PyValue value) => value switch
    {
        PyBool b => b.Value ? 1 : 0,
        PyInt i => i.Value,
        _ => null,
    };
}
