using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

internal sealed partial class Evaluator
{
    /// <summary>One argument as the call site wrote it, evaluated: <c>x</c>, <c>*xs</c>, <c>k=x</c> or <c>**kw</c>.</summary>
    private sealed record Argument(ArgumentKind Kind, string? Name, PyObj Value);

    private PyObj CallExpression(AstNode node, Frame frame)
    {
        var func = node.Node("func");

        // obj.append(x) is the one method call of the subset (LOAD_ATTR with the method flag, then CALL).
        if (func.Type == "Attribute")
        {
            var owner = Eval(func.Node("value"), frame);
            if (owner is ListObj list && func.Identifier("attr") == "append")
            {
                var args = Arguments(node, frame);
                if (args.Count != 1 || args[0].Kind != ArgumentKind.Positional)
                {
                    throw NotSupported.At("list.append with other than one positional argument", node);
                }

                Tick(node);
                Grow(1, node);
                list.Items.Add(args[0].Value);
                return ValueObj.None;
            }

            var method = GetAttribute(owner, func.Identifier("attr")!, func);
            return CallObject(method, Arguments(node, frame), node, frame);
        }

        var callee = Eval(func, frame);
        return CallObject(callee, Arguments(node, frame), node, frame);
    }

    /// <summary>Positional and <c>*</c> arguments left to right, then keywords and <c>**</c>, as the compiler emits them.</summary>
    private List<Argument> Arguments(AstNode call, Frame frame)
    {
        var args = new List<Argument>();
        foreach (var arg in call.Nodes("args"))
        {
            args.Add(arg!.Type == "Starred"
                ? new Argument(ArgumentKind.Star, null, Eval(arg.Node("value"), frame))
                : new Argument(ArgumentKind.Positional, null, Eval(arg, frame)));
        }

        foreach (var keyword in call.Nodes("keywords"))
        {
            var name = keyword!.Identifier("arg");
            args.Add(new Argument(name is null ? ArgumentKind.DoubleStar : ArgumentKind.Keyword, name, Eval(keyword.Node("value"), frame)));
        }

        return args;
    }

    private PyObj CallObject(PyObj callee, List<Argument> args, AstNode at, Frame frame)
    {
        Tick(at);
        switch (callee)
        {
            case FunctionObj function:
                return CallFunction(function, args, at);
            case BuiltinObj builtin:
                return CallBuiltin(builtin, args, at, frame);
            case WrapsObj wraps:
                var positional = Positional(args, at, "functools.wraps(...)");
                if (positional.Count != 1)
                {
                    throw NotSupported.At("calling functools.wraps(...) with other than one argument", at);
                }

                return UpdateWrapper(positional[0], wraps.Wrapped, at, frame);
            case ValueObj or ListObj or TupleObj or DictObj or CellObj or ModuleObj or RangeObj:
                throw new Raised(new PythonError("TypeError", $"'{callee.TypeName}' object is not callable"));
            default:
                throw NotSupported.At($"calling {callee.TypeName}", at);
        }
    }

    /// <summary>
    /// A call of a function of the source: call-binding fills the parameters exactly as CPython does (with its
    /// TypeErrors), then the frame gets its cells: a parameter or local that a nested function uses gets a new cell
    /// (MAKE_CELL), each free variable the cell from the function's <c>__closure__</c> (COPY_FREE_VARS).
    /// </summary>
    private PyObj CallFunction(FunctionObj function, List<Argument> args, AstNode at)
    {
        var objects = new List<PyObj>();
        ArgumentValue Token(PyObj value)
        {
            objects.Add(value);
            return new ArgumentValue(new ObjectToken(objects.Count - 1, value.TypeName), null, null);
        }

        var items = new List<ArgumentItem>();
        foreach (var arg in args)
        {
            switch (arg.Kind)
            {
                case ArgumentKind.Positional or ArgumentKind.Keyword:
                    items.Add(new ArgumentItem(arg.Kind, arg.Name, Token(arg.Value), ""));
                    break;
                case ArgumentKind.Star:
                    var notIterable = arg.Value is ValueObj { Value: not PyStr } or FunctionObj or CellObj or ModuleObj or BuiltinObj or WrapsObj;
                    items.Add(new ArgumentItem(arg.Kind, null, notIterable
                        ? new ArgumentValue(new ObjectToken(-1, arg.Value.TypeName), null, null)
                        : new ArgumentValue(new ObjectToken(-1, "tuple"), [.. Iterate(arg.Value, at).Select(v => Token(v).Value)], null), ""));
                    break;
                default:
                    items.Add(new ArgumentItem(arg.Kind, null, arg.Value is DictObj dict
                        ? new ArgumentValue(new ObjectToken(-1, "dict"), null,
                            [.. dict.Entries.Select(e => ((PyValue)ValueObj.Str(e.Key).Value, Token(e.Value).Value))])
                        : new ArgumentValue(new ObjectToken(-1, arg.Value.TypeName), null, null), ""));
                    break;
            }
        }

        var node = function.Node;
        var parameters = node.Node("args");
        static string ArgName(AstNode? a) => a!.Identifier("arg")!;
        var signature = new FunctionSignature(
            [.. parameters.Nodes("posonlyargs").Select(ArgName)], [.. parameters.Nodes("args").Select(ArgName)],
            [.. parameters.Nodes("kwonlyargs").Select(ArgName)],
            parameters.OptionalNode("vararg") is { } vararg ? ArgName(vararg) : null,
            parameters.OptionalNode("kwarg") is { } kwarg ? ArgName(kwarg) : null,
            [.. function.Defaults.Select(Token)],
            function.KwDefaults.ToDictionary(p => p.Key, p => Token(p.Value), StringComparer.Ordinal));
        var binding = new CallBindingRun(new JsonObject(), version, signature, items, null, function.Qualname);
        foreach (var _ in binding.Steps())
        {
        }

        var bound = (CallBindingResult)binding.Result;
        if (bound.Error is { } error)
        {
            throw new Raised(error);
        }

        if (++_depth > MaxDepth)
        {
            throw NotSupported.At($"calls nested more than {MaxDepth} deep", at);
        }

        var frame = new Frame(function, function.Scope);
        foreach (var (name, token) in bound.Arguments!)
        {
            PyObj value = name == signature.VarArgs ? new TupleObj([.. Tokens().Matches(token).Select(m => objects[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)])])
                : name == signature.VarKeywords ? Keywords(token, objects)
                : objects[int.Parse(token.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
            if (function.Scope.Scopes.GetValueOrDefault(name) == "CELL")
            {
                frame.Cells[name] = new CellObj(++_cells) { Contents = value };
            }
            else
            {
                frame.Fast[name] = value;
            }
        }

        foreach (var name in function.Code.Cellvars.Where(c => !frame.Cells.ContainsKey(c)))
        {
            frame.Cells[name] = new CellObj(++_cells);
        }

        for (var i = 0; i < function.Code.Freevars.Count; i++)
        {
            frame.Cells[function.Code.Freevars[i]] = function.Closure[i];
        }

        Emit("call", $"{function.Label} is called: a new frame for {function.Code.Name}"
            + (bound.Arguments!.Count == 0 ? "" : $" with {string.Join(", ", bound.Arguments.Keys.Select(k => $"{k} = {VariableRepr(frame, k)}"))}")
            + (function.Code.Freevars.Count == 0 ? "." : $"; its free variables {string.Join(", ", function.Code.Freevars)} are the cells of its __closure__."),
            frame, [.. bound.Arguments.Keys]);

        try
        {
            Body(node.Type == "FunctionDef" ? node.Nodes("body") : [new AstNode("Return", [new AstField("value", node.Node("body"))], node.Node("body").Span)], frame);
        }
        catch (Raised)
        {
            _calls.Add(new CallRecord(function.Code.Name, null, FreeVariables(function)));
            _depth--;
            throw;
        }

        _depth--;
        var returned = frame.Returned ?? ValueObj.None;
        var free = FreeVariables(function);
        _calls.Add(new CallRecord(function.Code.Name, Reprs.Repr(returned), free));
        Emit("return", $"{function.Code.Name} returns {Reprs.Repr(returned, Reprs.StateLimit)}"
            + (free.Count == 0 ? "." : $"; its cells now hold {string.Join(", ", free.Select(p => $"{p.Key} = {p.Value}"))}."), frame, ["return"]);
        return returned;
    }

    private static string VariableRepr(Frame frame, string name) =>
        frame.Fast.TryGetValue(name, out var value) ? Reprs.Repr(value, Reprs.StateLimit) : Reprs.Repr(frame.Cells[name].Contents!, Reprs.StateLimit);

    private static Dictionary<string, string> FreeVariables(FunctionObj function)
    {
        var free = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < function.Code.Freevars.Count; i++)
        {
            if (function.Closure[i].Contents is { } contents)
            {
                free[function.Code.Freevars[i]] = Reprs.Repr(contents);
            }
        }

        return free;
    }

    private static DictObj Keywords(string repr, List<PyObj> objects)
    {
        var dict = new DictObj();
        foreach (Match m in KeywordTokens().Matches(repr))
        {
            dict.Set(m.Groups[1].Value, objects[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return dict;
    }

    [GeneratedRegex("#(\\d+)")]
    private static partial Regex Tokens();

    [GeneratedRegex("'([^']*)': #(\\d+)")]
    private static partial Regex KeywordTokens();

    // ------------------------------------------------------------------ built-ins

    /// <summary>The positional values of a built-in's call, with <c>*</c> unpacked; keywords are the caller's to check.</summary>
    private List<PyObj> Positional(List<Argument> args, AstNode at, string what)
    {
        if (args.Any(a => a.Kind == ArgumentKind.DoubleStar))
        {
            throw NotSupported.At($"** arguments to {what}", at);
        }

        var values = new List<PyObj>();
        foreach (var arg in args.Where(a => a.Kind is ArgumentKind.Positional or ArgumentKind.Star))
        {
            if (arg.Kind == ArgumentKind.Positional)
            {
                values.Add(arg.Value);
            }
            else if (arg.Value is ValueObj { Value: not PyStr } or FunctionObj or CellObj or ModuleObj or BuiltinObj or WrapsObj)
            {
                throw NotSupported.At($"* of a non-iterable in a call of {what}", at);
            }
            else
            {
                values.AddRange(Iterate(arg.Value, at));
            }
        }

        return values;
    }

    private PyObj CallBuiltin(BuiltinObj builtin, List<Argument> args, AstNode at, Frame frame)
    {
        var values = Positional(args, at, builtin.Name + "()");
        var keywords = args.Where(a => a.Kind == ArgumentKind.Keyword).ToList();
        switch (builtin.Name)
        {
            case "print":
                return Print(values, keywords, at, frame);
            case "range":
                if (keywords.Count > 0)
                {
                    throw new Raised(new PythonError("TypeError", "range() takes no keyword arguments"));
                }

                return Range(values);
            case "len" or "repr":
                if (keywords.Count > 0)
                {
                    throw new Raised(new PythonError("TypeError", $"{builtin.Name}() takes no keyword arguments"));
                }

                if (values.Count != 1)
                {
                    throw new Raised(new PythonError("TypeError", $"{builtin.Name}() takes exactly one argument ({values.Count} given)"));
                }

                return builtin.Name == "repr" ? ValueObj.Str(Reprs.Repr(values[0])) : Len(values[0]);
            case "wraps" when keywords.Count == 0 && values.Count == 1:
                return new WrapsObj(values[0], WrapperAssignments());
            case "update_wrapper" when keywords.Count == 0 && values.Count == 2:
                return UpdateWrapper(values[0], values[1], at, frame);
            default:
                throw NotSupported.At($"this call of functools.{builtin.Name} (the subset has wraps(f) and update_wrapper(wrapper, f))", at);
        }
    }

    private ValueObj Print(List<PyObj> values, List<Argument> keywords, AstNode at, Frame frame)
    {
        var sep = " ";
        var end = "\n";
        foreach (var keyword in keywords)
        {
            if (keyword.Name is not ("sep" or "end"))
            {
                throw NotSupported.At($"print's keyword '{keyword.Name}'", at);
            }

            var text = keyword.Value switch
            {
                ValueObj { Value: PyNone } => keyword.Name == "sep" ? " " : "\n",
                ValueObj { Value: PyStr s } => Reprs.Text(s),
                _ => throw new Raised(new PythonError("TypeError", $"{keyword.Name} must be None or a string, not {keyword.Value.TypeName}")),
            };
            (sep, end) = keyword.Name == "sep" ? (text, end) : (sep, text);
        }

        var line = string.Join(sep, values.Select(Reprs.Str)) + end;
        Grow(line.Length, at);
        _output.Add(line);
        Emit("print", $"print writes {new PyStr([.. line.EnumerateRunes().Select(r => r.Value)]).Repr()}.", frame, []);
        return ValueObj.None;
    }

    private static RangeObj Range(List<PyObj> values)
    {
        if (values.Count == 0)
        {
            throw new Raised(new PythonError("TypeError", "range expected at least 1 argument, got 0"));
        }

        if (values.Count > 3)
        {
            throw new Raised(new PythonError("TypeError", $"range expected at most 3 arguments, got {values.Count}"));
        }

        var ints = values.Select(v => AsInt(v) ?? throw new Raised(new PythonError("TypeError", $"'{v.TypeName}' object cannot be interpreted as an integer"))).ToList();
        if (ints.Count == 3 && ints[2].IsZero)
        {
            throw new Raised(new PythonError("ValueError", "range() arg 3 must not be zero"));
        }

        return ints.Count == 1 ? new RangeObj(0, ints[0], 1) : new RangeObj(ints[0], ints[1], ints.Count == 3 ? ints[2] : 1);
    }

    private static ValueObj Len(PyObj value) => value switch
    {
        ListObj l => ValueObj.Int(l.Items.Count),
        TupleObj t => ValueObj.Int(t.Items.Count),
        DictObj d => ValueObj.Int(d.Entries.Count),
        RangeObj r => ValueObj.Int(r.Length),
        ValueObj { Value: PyStr s } => ValueObj.Int(s.CodePoints.Count),
        _ => throw new Raised(new PythonError("TypeError", $"object of type '{value.TypeName}' has no len()")),
    };

    // ------------------------------------------------------------------ functools

    /// <summary>functools.WRAPPER_ASSIGNMENTS: 3.12 added '__type_params__' (Lib/functools.py).</summary>
    private TupleObj WrapperAssignments() => new([.. WrapperNames(version).Select(ValueObj.Str)]);

    public static IReadOnlyList<string> WrapperNames(PythonVersion version) => version.AtLeast(12)
        ? ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"]
        : ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"];

    private PyObj FunctoolsAttribute(string name, AstNode at) => name switch
    {
        "wraps" or "update_wrapper" => Builtins.Functools(name),
        "WRAPPER_ASSIGNMENTS" => WrapperAssignments(),
        "WRAPPER_UPDATES" => new TupleObj([ValueObj.Str("__dict__")]),
        _ => throw NotSupported.At($"functools.{name} (the subset has wraps, update_wrapper, WRAPPER_ASSIGNMENTS and WRAPPER_UPDATES)", at),
    };

    /// <summary>
    /// functools.update_wrapper: each WRAPPER_ASSIGNMENTS attribute the wrapped function has is set on the
    /// wrapper, the wrapper's <c>__dict__</c> is updated from the wrapped one's, then <c>__wrapped__</c> is set last
    /// (so it names the function just wrapped even when the wrapped one had its own <c>__wrapped__</c>).
    /// </summary>
    private PyObj UpdateWrapper(PyObj wrapper, PyObj wrapped, AstNode at, Frame frame)
    {
        if (wrapper is not FunctionObj target || wrapped is not FunctionObj source)
        {
            throw NotSupported.At("functools.wraps and update_wrapper on anything but functions of the source", at);
        }

        target.Module = source.Module;
        target.Name = source.Name;
        target.Qualname = source.Qualname;
        target.Doc = source.Doc;
        foreach (var (key, value) in source.Dict.Entries)
        {
            target.Dict.Set(key, value);
        }

        target.Dict.Set("__wrapped__", source);
        Emit("wraps", $"functools.update_wrapper copies {string.Join(", ", WrapperNames(version))} from {source.Label} to {target.Label} "
            + $"(now named {target.Qualname}), updates its __dict__ from {source.Qualname}'s, and sets __wrapped__ to the wrapped function.",
            frame, []);
        return target;
    }

    // ------------------------------------------------------------------ attributes

    /// <summary>Function attributes CPython's type defines that the subset does not model (func_getsetlist, func_memberlist, object's).</summary>
    private static bool IsDunder(string name) => name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);

    private PyObj GetAttribute(PyObj owner, string name, AstNode at)
    {
        switch (owner)
        {
            case FunctionObj f:
                switch (name)
                {
                    case "__name__":
                        return ValueObj.Str(f.Name);
                    case "__qualname__":
                        return ValueObj.Str(f.Qualname);
                    case "__doc__":
                        return f.Doc;
                    case "__module__":
                        return f.Module;
                    case "__dict__":
                        return f.Dict;
                    case "__closure__":
                        return f.Closure.Count == 0 ? ValueObj.None : new TupleObj([.. f.Closure]);
                    case "__defaults__":
                        return f.Defaults.Count == 0 ? ValueObj.None : new TupleObj([.. f.Defaults]);
                }

                if (f.Dict.Get(name) is { } value)
                {
                    return value;
                }

                if (IsDunder(name))
                {
                    throw NotSupported.At($"the function attribute {name}", at);
                }

                throw new Raised(new PythonError("AttributeError", $"'function' object has no attribute '{name}'"));
            case CellObj c:
                if (name == "cell_contents")
                {
                    return c.Contents ?? throw new Raised(new PythonError("ValueError", "Cell is empty"));
                }

                return IsDunder(name)
                    ? throw NotSupported.At($"the cell attribute {name}", at)
                    : throw new Raised(new PythonError("AttributeError", $"'cell' object has no attribute '{name}'"));
            case ModuleObj:
                return FunctoolsAttribute(name, at);
            default:
                throw NotSupported.At($"reading the attribute {name} of {owner.TypeName}", at);
        }
    }

    private void SetAttribute(PyObj owner, string name, PyObj value, AstNode at, Frame frame)
    {
        switch (owner)
        {
            case FunctionObj f when name is "__name__" or "__qualname__":
                if (value is not ValueObj { Value: PyStr s })
                {
                    throw new Raised(new PythonError("TypeError", $"{name} must be set to a string object"));
                }

                if (name == "__name__")
                {
                    f.Name = Reprs.Text(s);
                }
                else
                {
                    f.Qualname = Reprs.Text(s);
                }

                break;
            case FunctionObj f when name == "__doc__":
                f.Doc = value;
                break;
            case FunctionObj when IsDunder(name):
                throw NotSupported.At($"setting the function attribute {name}", at);
            case FunctionObj f:
                f.Dict.Set(name, value);
                break;
            case CellObj c when name == "cell_contents":
                c.Contents = value;
                break;
            default:
                throw NotSupported.At($"setting the attribute {name} of {owner.TypeName}", at);
        }

        Emit("setattr", $"{Reprs.Repr(owner, Reprs.StateLimit)}.{name} = {Reprs.Repr(value, Reprs.StateLimit)}.", frame, []);
    }
}
