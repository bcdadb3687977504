using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Calls;

/// <summary>
/// One call-binding trace: the call site builds the positional arguments and the keyword names (unpacking
/// <c>*</c> and merging <c>**</c> as the CALL_FUNCTION_EX path does), then <c>initialize_locals</c>
/// (<c>_PyEval_MakeFrameVector</c> in 3.10) fills the frame's slots in CPython's order, raising CPython's TypeErrors.
/// </summary>
internal sealed class CallBindingRun(
    JsonObject canonicalInput,
    PythonVersion version,
    FunctionSignature signature,
    IReadOnlyList<ArgumentItem> items,
    PythonError? earlyError,
    string functionName = "f") : SimulationRun(canonicalInput)
{
    /// <summary>The function's name: <c>func_qualname</c> in binding errors, <c>__main__.f()</c> at the call site.</summary>
    private readonly string Name = functionName;
    private readonly string FunctionStr = $"__main__.{functionName}()";

    private static readonly HashSet<string> IterableTypes = ["str", "bytes", "tuple", "list", "dict"];

    private readonly string?[] _values = new string?[signature.VarNames.Count];
    private readonly string?[] _from = new string?[signature.VarNames.Count];
    private readonly List<string> _positional = [];
    private readonly List<KeywordArgument> _keywords = [];
    private List<string>? _varArgs;
    private List<KeywordArgument>? _varKeywords;
    private int _index;
    private CallBindingResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    private CallBindingState State() => new(
        [.. signature.VarNames.Select((name, i) => new ParameterSlot(name, signature.KindOf(i), _values[i], _from[i]))],
        [.. _positional],
        [.. _keywords],
        _varArgs is null ? null : [.. _varArgs],
        _varKeywords is null ? null : [.. _varKeywords]);

    private Step Make(string kind, string message, IReadOnlyList<string> highlight, SourceLocation? source) =>
        new(_index++, kind, message, State(), highlight, source);

    private Step Raise(string type, string message, IReadOnlyList<string> highlight, SourceLocation? source)
    {
        _result = new CallBindingResult(null, new PythonError(type, message));
        return Make("exception", $"{type}: {message}", highlight, source);
    }

    public override IEnumerable<Step> Steps()
    {
        if (earlyError is { } early)
        {
            yield return Raise(early.Type, early.Message, [], null);
            yield break;
        }

        var positionalValues = new List<PyValue>();
        var keywordValues = new List<(PyValue Key, PyValue Value)>();
        foreach (var step in CallSite(positionalValues, keywordValues))
        {
            yield return step;
            if (_result is not null)
            {
                yield break;
            }
        }

        foreach (var step in Bind(positionalValues, keywordValues))
        {
            yield return step;
            if (_result is not null)
            {
                yield break;
            }
        }

        var locals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _values.Length; i++)
        {
            locals[signature.VarNames[i]] = _values[i]!;
        }

        _result = new CallBindingResult(locals, null);
        yield return Make("bound", "Every parameter has a value: the frame starts running the function body.", signature.VarNames, null);
    }

    /// <summary>
    /// The caller's side. A call without <c>*</c> or <c>**</c> passes its arguments as they are (CALL with kwnames).
    /// Otherwise positional arguments are collected into a list (LIST_EXTEND checks each <c>*</c> operand), unless
    /// the only positional argument is one <c>*x</c>, passed as is and checked by CALL_FUNCTION_EX after the
    /// keywords; keywords and <c>**</c> mappings are merged into one dict (DICT_MERGE, format_kwargs_error);
    /// finally the dict's keys must all be strings.
    /// </summary>
    private IEnumerable<Step> CallSite(List<PyValue> positional, List<(PyValue Key, PyValue Value)> keywords)
    {
        var extended = items.Any(i => i.Kind is ArgumentKind.Star or ArgumentKind.DoubleStar);
        var positionalItems = items.Where(i => i.Kind is ArgumentKind.Positional or ArgumentKind.Star).ToList();
        var keywordItems = items.Where(i => i.Kind is ArgumentKind.Keyword or ArgumentKind.DoubleStar).ToList();
        var singleStar = extended && positionalItems.Count == 1 && positionalItems[0].Kind == ArgumentKind.Star;

        foreach (var item in positionalItems)
        {
            if (item.Kind == ArgumentKind.Positional)
            {
                positional.Add(item.Value.Value);
                _positional.Add(item.Value.Repr);
                yield return Make("argument", $"Positional argument {item.Text} evaluates to {item.Value.Repr}.", ["positional"], null);
                continue;
            }

            if (singleStar)
            {
                continue;
            }

            if (!IterableTypes.Contains(item.Value.TypeName))
            {
                yield return Raise("TypeError", $"Value after * must be an iterable, not {item.Value.TypeName}", ["positional"], null);
                yield break;
            }

            Unpack(item, positional);
            yield return Make("unpack", $"*{item.Value.Repr} adds {item.Value.Items!.Count} positional argument(s).", ["positional"], null);
        }

        foreach (var item in keywordItems)
        {
            if (item.Kind == ArgumentKind.Keyword)
            {
                var key = new PyStr(item.Name!.EnumerateRunes().Select(r => r.Value));
                if (keywords.Any(k => PyEquality.Equal(k.Key, key)))
                {
                    yield return Raise("TypeError", $"{FunctionStr} got multiple values for keyword argument '{item.Name}'", ["keywords"], CallSource.KwargsError(version));
                    yield break;
                }

                keywords.Add((key, item.Value.Value));
                _keywords.Add(new KeywordArgument(item.Name!, item.Value.Repr));
                yield return Make("argument", $"Keyword argument {item.Name}={item.Value.Repr}.", ["keywords"], null);
                continue;
            }

            if (item.Value.Entries is not { } entries)
            {
                yield return Raise("TypeError", $"{FunctionStr} argument after ** must be a mapping, not {item.Value.TypeName}", ["keywords"], CallSource.KwargsError(version));
                yield break;
            }

            foreach (var (key, value) in entries)
            {
                if (keywords.Any(k => PyEquality.Equal(k.Key, key)))
                {
                    yield return Raise("TypeError", $"{FunctionStr} got multiple values for keyword argument '{ArgumentValue.Str(key)}'", ["keywords"], CallSource.KwargsError(version));
                    yield break;
                }

                keywords.Add((key, value));
                _keywords.Add(new KeywordArgument(ArgumentValue.Str(key), value.Repr()));
            }

            yield return Make("merge", $"**{item.Value.Repr} merges {entries.Count} keyword(s) into the call's keyword dict.", ["keywords"], null);
        }

        if (singleStar)
        {
            var item = positionalItems[0];
            if (!IterableTypes.Contains(item.Value.TypeName))
            {
                yield return Raise("TypeError", $"{FunctionStr} argument after * must be an iterable, not {item.Value.TypeName}", ["positional"], null);
                yield break;
            }

            Unpack(item, positional);
            yield return Make("unpack", $"*{item.Value.Repr} becomes the positional arguments ({item.Value.Items!.Count}).", ["positional"], null);
        }

        if (extended && keywords.Any(k => k.Key is not PyStr))
        {
            yield return Raise("TypeError", "keywords must be strings", ["keywords"], null);
        }
    }

    private void Unpack(ArgumentItem item, List<PyValue> positional)
    {
        foreach (var value in item.Value.Items!)
        {
            positional.Add(value);
            _positional.Add(value.Repr());
        }
    }

    private IEnumerable<Step> Bind(List<PyValue> positional, List<(PyValue Key, PyValue Value)> keywords)
    {
        var sig = signature;
        var argCount = positional.Count;
        var kwargsSlot = sig.VarKeywords is null ? -1 : sig.VarNames.Count - 1;
        if (sig.VarKeywords is not null)
        {
            _varKeywords = [];
            _values[kwargsSlot] = "{}";
            _from[kwargsSlot] = "kwargs";
            yield return Make("kwargs-dict", $"The function has **{sig.VarKeywords}: a new empty dict is made for unmatched keywords.", [sig.VarKeywords], CallSource.KwDict(version));
        }

        // Copy all positional arguments into local variables.
        var n = Math.Min(argCount, sig.ArgCount);
        for (var j = 0; j < n; j++)
        {
            _values[j] = positional[j].Repr();
            _from[j] = "positional";
            yield return Make("positional", $"Positional argument {j} ({_values[j]}) goes to slot {j}, '{sig.VarNames[j]}'.", [sig.VarNames[j]], CallSource.Positional(version));
        }

        // Pack other positional arguments into the *args argument.
        if (sig.VarArgs is not null)
        {
            var extra = positional.Skip(n).ToList();
            _varArgs = [.. extra.Select(v => v.Repr())];
            var slot = sig.TotalArgs;
            _values[slot] = new PyTuple(extra).Repr();
            _from[slot] = "varargs";
            yield return Make("varargs", extra.Count == 0
                    ? $"No positional arguments are left over: {sig.VarArgs} = ()."
                    : $"The {extra.Count} positional argument(s) past the {sig.ArgCount} positional parameter(s) become the tuple {sig.VarArgs} = {_values[slot]}.",
                [sig.VarArgs], CallSource.VarArgs(version));
        }

        // Handle keyword arguments: a name is looked up among the parameters after the positional-only ones.
        var keywordNames = keywords.Select(k => ArgumentValue.Str(k.Key)).ToList();
        for (var i = 0; i < keywords.Count; i++)
        {
            var name = keywordNames[i];
            var value = keywords[i].Value.Repr();
            var j = -1;
            for (var k = sig.PosOnlyCount; k < sig.TotalArgs; k++)
            {
                if (sig.VarNames[k] == name)
                {
                    j = k;
                    break;
                }
            }

            if (j >= 0)
            {
                if (_values[j] is not null)
                {
                    yield return Raise("TypeError", $"{Name}() got multiple values for argument '{name}'", [name], CallSource.Multiple(version));
                    yield break;
                }

                _values[j] = value;
                _from[j] = "keyword";
                yield return Make("keyword", $"Keyword {name}={value} fills the parameter '{name}'.", [name], CallSource.Keywords(version));
                continue;
            }

            if (kwargsSlot < 0)
            {
                // positional_only_passed_as_keyword: every positional-only name found among all the keywords.
                var posOnlyNamed = sig.PositionalOnly.Where(p => keywordNames.Contains(p)).ToList();
                if (posOnlyNamed.Count > 0)
                {
                    yield return Raise("TypeError",
                        $"{Name}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", posOnlyNamed)}'",
                        posOnlyNamed, CallSource.PositionalOnly(version));
                    yield break;
                }

                var message = $"{Name}() got an unexpected keyword argument '{name}'";
                if (version.AtLeast(13) && sig.TotalArgs > sig.PosOnlyCount
                    && Suggestions.Closest([.. sig.VarNames.Take(sig.TotalArgs).Skip(sig.PosOnlyCount)], name) is { } suggestion)
                {
                    // 3.13 added the suggestion (Python/suggestions.c _Py_CalculateSuggestions).
                    message += $". Did you mean '{suggestion}'?";
                }

                yield return Raise("TypeError", message, [], CallSource.Unexpected(version));
                yield break;
            }

            _varKeywords!.Add(new KeywordArgument(name, value));
            _values[kwargsSlot] = KwargsRepr();
            _from[kwargsSlot] = "kwargs";
            yield return Make("kwargs", $"No parameter '{name}' takes a keyword, so {sig.VarKeywords}['{name}'] = {value}.", [sig.VarKeywords!], CallSource.Keywords(version));
        }

        // Check the number of positional arguments.
        if (argCount > sig.ArgCount && sig.VarArgs is null)
        {
            yield return Raise("TypeError", TooManyPositional(argCount), [], CallSource.TooManyPositional(version));
            yield break;
        }

        // Add missing positional arguments (copy default values from defs).
        if (argCount < sig.ArgCount)
        {
            var defCount = sig.Defaults.Count;
            var m = sig.ArgCount - defCount;
            var missing = Enumerable.Range(0, m).Where(i => _values[i] is null).ToList();
            if (missing.Count > 0)
            {
                yield return Raise("TypeError", MissingMessage("positional", missing), [.. missing.Select(i => sig.VarNames[i])], CallSource.MissingArguments(version));
                yield break;
            }

            for (var i = n > m ? n - m : 0; i < defCount; i++)
            {
                if (_values[m + i] is null)
                {
                    _values[m + i] = sig.Defaults[i].Repr;
                    _from[m + i] = "default";
                    yield return Make("default", $"'{sig.VarNames[m + i]}' was not passed: it takes its default {sig.Defaults[i].Repr} (func.__defaults__[{i}]).", [sig.VarNames[m + i]], CallSource.Defaults(version));
                }
            }
        }

        // Add missing keyword arguments (copy default values from kwdefs).
        if (sig.KeywordOnly.Count > 0)
        {
            var missing = new List<int>();
            for (var i = sig.ArgCount; i < sig.TotalArgs; i++)
            {
                if (_values[i] is not null)
                {
                    continue;
                }

                if (sig.KwDefaults.TryGetValue(sig.VarNames[i], out var value))
                {
                    _values[i] = value.Repr;
                    _from[i] = "kwdefault";
                    yield return Make("kwdefault", $"Keyword-only '{sig.VarNames[i]}' was not passed: it takes its default {value.Repr} (func.__kwdefaults__).", [sig.VarNames[i]], CallSource.KwDefaults(version));
                    continue;
                }

                missing.Add(i);
            }

            if (missing.Count > 0)
            {
                yield return Raise("TypeError", MissingMessage("keyword-only", missing), [.. missing.Select(i => sig.VarNames[i])], CallSource.MissingArguments(version));
                yield break;
            }
        }
    }

    private string KwargsRepr() =>
        "{" + string.Join(", ", _varKeywords!.Select(k => $"{new PyStr(k.Name.EnumerateRunes().Select(r => r.Value)).Repr()}: {k.Value}")) + "}";

    /// <summary>too_many_positional: the signature counts, and keyword-only arguments given so far.</summary>
    private string TooManyPositional(int given)
    {
        var sig = signature;
        var kwOnlyGiven = Enumerable.Range(sig.ArgCount, sig.KeywordOnly.Count).Count(i => _values[i] is not null);
        var defCount = sig.Defaults.Count;
        string signatureText;
        bool plural;
        if (defCount > 0)
        {
            plural = true;
            signatureText = $"from {sig.ArgCount - defCount} to {sig.ArgCount}";
        }
        else
        {
            plural = sig.ArgCount != 1;
            signatureText = $"{sig.ArgCount}";
        }

        var kwOnly = kwOnlyGiven > 0
            ? $" positional argument{(given != 1 ? "s" : "")} (and {kwOnlyGiven} keyword-only argument{(kwOnlyGiven != 1 ? "s" : "")})"
            : "";
        var verb = given == 1 && kwOnlyGiven == 0 ? "was" : "were";
        return $"{Name}() takes {signatureText} positional argument{(plural ? "s" : "")} but {given}{kwOnly} {verb} given";
    }

    /// <summary>missing_arguments and format_missing: "'a'", "'a' and 'b'", "'a', 'b', and 'c'".</summary>
    private string MissingMessage(string kind, List<int> slots)
    {
        var names = slots.Select(i => new PyStr(signature.VarNames[i].EnumerateRunes().Select(r => r.Value)).Repr()).ToList();
        var list = names.Count switch
        {
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            _ => string.Join(", ", names.Take(names.Count - 2)) + $", {names[^2]}, and {names[^1]}",
        };
        return $"{Name}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}";
    }
}
