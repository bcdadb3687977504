using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Calls;

/// <summary>
/// Evaluates the literal expressions a call (or a default) may use: what <see cref="ValueParser"/> accepts, plus
/// list, tuple and dict displays whose items are such expressions. Anything else (names, calls, set displays whose
/// order depends on the hash seed) is reported as not supported rather than guessed.
/// </summary>
internal sealed class ArgumentEvaluator(string source, PyHasher hasher)
{
    /// <summary>Why the last evaluation failed, when it is outside what we model.</summary>
    public string? Unsupported { get; private set; }

    /// <summary>The exception CPython raises evaluating the expression (an unhashable dict key, say).</summary>
    public PythonError? Error { get; private set; }

    public ArgumentValue? Evaluate(AstNode node)
    {
        switch (node.Type)
        {
            case "Tuple" or "List":
            {
                var items = new List<PyValue>();
                foreach (var element in node.Nodes("elts"))
                {
                    if (Evaluate(element!) is not { } value)
                    {
                        return null;
                    }

                    items.Add(value.Value);
                }

                PyValue result = node.Type == "Tuple"
                    ? new PyTuple(items)
                    : new PyUnhashable("list", "[" + string.Join(", ", items.Select(i => i.Repr())) + "]");
                return new ArgumentValue(result, items, null);
            }

            case "Dict":
            {
                var entries = new List<(PyValue Key, PyValue Value)>();
                var keys = node.Nodes("keys");
                var values = node.Nodes("values");
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is null)
                    {
                        return Fail("'**' inside a dict display");
                    }

                    if (Evaluate(keys[i]!) is not { } key || Evaluate(values[i]!) is not { } value)
                    {
                        return null;
                    }

                    if (!key.Value.IsHashable)
                    {
                        Error = PythonError.Unhashable(key.Value);
                        return null;
                    }

                    // dict_ass_sub: an equal key keeps its place and its first key object; the value is replaced.
                    var existing = entries.FindIndex(e => PyEquality.Equal(e.Key, key.Value));
                    if (existing >= 0)
                    {
                        entries[existing] = (entries[existing].Key, value.Value);
                    }
                    else
                    {
                        entries.Add((key.Value, value.Value));
                    }
                }

                var repr = "{" + string.Join(", ", entries.Select(e => $"{e.Key.Repr()}: {e.Value.Repr()}")) + "}";
                return new ArgumentValue(new PyUnhashable("dict", repr), [.. entries.Select(e => e.Key)], entries);
            }

            case "Set" or "SetComp":
                return Fail("set displays (their order depends on hashing)");
            case "Name":
                return Fail($"names such as '{node.Identifier("id")}' (write literal values)");
            case "Starred":
                return Fail("'*' inside a display");
            case "Constant" or "UnaryOp" or "BinOp" or "Call":
            {
                var parsed = ValueParser.Parse(SourceText.Segment(source, node.Span!.Value), hasher);
                if (parsed.Diagnostic is { } diagnostic)
                {
                    return Fail(diagnostic.Message);
                }

                if (parsed.Error is { } error)
                {
                    Error = error;
                    return null;
                }

                var value = parsed.Value!;
                IReadOnlyList<PyValue>? items = value switch
                {
                    PyStr s => [.. s.CodePoints.Select(c => (PyValue)new PyStr([c]))],
                    PyBytes b => [.. b.Data.ToArray().Select(x => (PyValue)new PyInt(x))],
                    PyTuple t => t.Items,
                    _ => null,
                };
                return new ArgumentValue(value, items, null);
            }

            default:
                return Fail($"{node.Type} expressions");
        }
    }

    private ArgumentValue? Fail(string what)
    {
        Unsupported ??= what;
        return null;
    }
}
