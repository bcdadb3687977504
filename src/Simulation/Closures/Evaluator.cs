using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// Runs the module for the closures trace, on the scopes the symbol table gave each name (LOAD_FAST, LOAD_DEREF,
/// LOAD_GLOBAL and their stores): a CELL or FREE name reads and writes its cell, so every closure holding that
/// cell sees the change (late binding). A def evaluates its decorators top to bottom, then its defaults, makes the
/// function (MAKE_FUNCTION with the frame's cells for its co_freevars) and applies the decorators bottom to top
/// (compiler_function in Python/compile.c). The subset: ints, bools, None, strs, lists, tuples, range(), print(),
/// len(), repr(), functools.wraps/update_wrapper, calls with every argument kind, function attributes and
/// <c>cell_contents</c>. Anything else raises <see cref="NotSupported"/>; so does a run longer than
/// <see cref="MaxTicks"/> statements and calls.
/// </summary>
internal sealed partial class Evaluator(PythonVersion version, string source, Scope module, CodeLayout layout, List<Step> steps)
{
    /// <summary>Statements executed plus calls made; an endless loop stops here with an input problem.</summary>
    public const int MaxTicks = 10_000;

    /// <summary>Calls nested deeper than this are refused (CPython's own limit, 1000, ends in RecursionError).</summary>
    public const int MaxDepth = 100;

    /// <summary>List and tuple items, str characters and int bits the run may build in all.</summary>
    public const int MaxSize = 100_000;

    private sealed class Frame(FunctionObj? function, Scope scope)
    {
        public FunctionObj? Function { get; } = function;
        public Scope Scope { get; } = scope;
        public Dictionary<string, PyObj> Fast { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, CellObj> Cells { get; } = new(StringComparer.Ordinal);
        public PyObj? Returned { get; set; }
        public string Name => Function?.Code.Name ?? "<module>";
    }

    private enum Flow
    {
        Next,
        Break,
        Continue,
        Return,
    }

    /// <summary>Module globals in insertion order, as a dict keeps them; <c>__name__</c> is there first, as exec's namespace has it.</summary>
    private readonly DictObj _globals = new();
    private readonly List<string> _output = [""];
    private readonly List<CallRecord> _calls = [];
    private readonly List<DecoratorEvent> _decorators = [];
    private int _ticks;
    private int _depth;
    private int _size;
    private int _cells;
    private int _functions;

    public RunOutcome Run(AstNode tree)
    {
        _globals.Set("__name__", ValueObj.Str("__main__"));
        var frame = new Frame(null, module);
        PythonError? exception = null;
        try
        {
            Body(tree.Nodes("body"), frame);
        }
        catch (Raised raised)
        {
            exception = raised.Error with { Message = Reprs.Normalise(raised.Error.Message) };
            Emit("exception", $"{exception.Type}: {exception.Message} — nothing catches it, so the module stops here.", frame, []);
        }

        var lines = Reprs.Normalise(string.Join("", _output)).Split('\n');
        var outcome = new RunOutcome(
            [.. lines[^1].Length == 0 ? lines.SkipLast(1) : lines],
            _globals.Entries.Where(e => e.Key != "__name__").ToDictionary(e => e.Key, e => Reprs.Repr(e.Value), StringComparer.Ordinal),
            RunReport.Functions(_globals),
            _calls,
            _decorators,
            exception);
        if (exception is null)
        {
            Emit("result", "The module ran to the end: "
                + (outcome.Globals.Count == 0 ? "it bound no names." : string.Join(", ", outcome.Globals.Select(g => $"{g.Key} = {g.Value}")) + "."),
                frame, [.. outcome.Globals.Keys]);
        }

        return outcome;
    }

    // ------------------------------------------------------------------ limits and steps

    private void Tick(AstNode node)
    {
        if (++_ticks > MaxTicks)
        {
            throw NotSupported.At($"the run is stopped after {MaxTicks} statements and calls (an endless loop, or too long a one); Pynsights stops there", node);
        }
    }

    private void Grow(long count, AstNode? node)
    {
        _size += (int)Math.Min(count, MaxSize + 1);
        if (_size > MaxSize)
        {
            throw NotSupported.At($"programs that build more than {MaxSize} list items, characters or int bits in all", node);
        }
    }

    private void Emit(string kind, string message, Frame frame, IReadOnlyList<string> highlight)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var cells = new List<CellView>();
        if (frame.Function is null)
        {
            foreach (var (name, value) in _globals.Entries.Where(e => e.Key != "__name__"))
            {
                variables[name] = Reprs.Repr(value, Reprs.StateLimit);
            }
        }
        else
        {
            foreach (var name in frame.Scope.Order)
            {
                if (frame.Fast.TryGetValue(name, out var value))
                {
                    variables[name] = Reprs.Repr(value, Reprs.StateLimit);
                }
                else if (frame.Cells.TryGetValue(name, out var cell))
                {
                    variables[name] = cell.Contents is null ? "<unbound>" : Reprs.Repr(cell.Contents, Reprs.StateLimit);
                    cells.Add(new CellView(cell.Number, name, cell.Contents is null ? null : Reprs.Repr(cell.Contents, Reprs.StateLimit),
                        [.. cell.SharedBy.Select(f => f.Label)]));
                }
            }
        }

        steps.Add(new Step(steps.Count, kind, message, new ClosuresRunState(frame.Name, variables, cells), highlight, null));
    }

    private string Text(AstNode node) => SourceText.Segment(source, node.Span!.Value);

    // ------------------------------------------------------------------ names

    /// <summary>The scope symtable.c gave <paramref name="name"/> in the frame's block; module code uses the globals.</summary>
    private static string ScopeOf(Frame frame, string name) =>
        frame.Function is null ? "GLOBAL_IMPLICIT" : frame.Scope.Scopes.GetValueOrDefault(name, "GLOBAL_IMPLICIT");

    private PyObj Load(string name, Frame frame, AstNode node)
    {
        switch (ScopeOf(frame, name))
        {
            case "LOCAL":
                return frame.Fast.TryGetValue(name, out var value) ? value : throw Unbound(name, free: false);
            case "CELL":
                return frame.Cells[name].Contents ?? throw Unbound(name, free: false);
            case "FREE":
                return frame.Cells[name].Contents ?? throw Unbound(name, free: true);
        }

        if (_globals.Get(name) is { } global)
        {
            return global;
        }

        if (Builtins.Lookup(name) is { } builtin)
        {
            return builtin;
        }

        if (Builtins.IsUnmodelled(name))
        {
            throw NotSupported.At($"the built-in '{name}'", node);
        }

        throw new Raised(new PythonError("NameError", $"name '{name}' is not defined"));
    }

    /// <summary>format_exc_unbound: a local or cell of this code is UnboundLocalError, a free variable NameError.</summary>
    private Raised Unbound(string name, bool free) => new(free
        ? new PythonError("NameError", version.AtLeast(11)
            ? $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            : $"free variable '{name}' referenced before assignment in enclosing scope")
        : new PythonError("UnboundLocalError", version.AtLeast(11)
            ? $"cannot access local variable '{name}' where it is not associated with a value"
            : $"local variable '{name}' referenced before assignment"));

    private void StoreName(string name, PyObj value, Frame frame)
    {
        var scope = ScopeOf(frame, name);
        switch (scope)
        {
            case "LOCAL":
                frame.Fast[name] = value;
                Emit("store", $"{name} = {Reprs.Repr(value, Reprs.StateLimit)} (a local of {frame.Name}).", frame, [name]);
                return;
            case "CELL" or "FREE":
                var cell = frame.Cells[name];
                cell.Contents = value;
                var shared = cell.SharedBy.Count == 0 ? ""
                    : $"; {string.Join(", ", cell.SharedBy.Select(f => f.Label))} hold{(cell.SharedBy.Count == 1 ? "s" : "")} this same cell, so calling them now reads {Reprs.Repr(value, Reprs.StateLimit)}";
                Emit("cell", $"{name} = {Reprs.Repr(value, Reprs.StateLimit)} is stored in cell #{cell.Number} (STORE_DEREF: the cell stays, its contents change){shared}.", frame, [name]);
                return;
        }

        _globals.Set(name, value);
        Emit("store", $"{name} = {Reprs.Repr(value, Reprs.StateLimit)} (a global).", frame, [name]);
    }

    // ------------------------------------------------------------------ statements

    private Flow Body(IReadOnlyList<AstNode?> body, Frame frame)
    {
        foreach (var statement in body)
        {
            var flow = Statement(statement!, frame);
            if (flow != Flow.Next)
            {
                return flow;
            }
        }

        return Flow.Next;
    }

    private Flow Statement(AstNode s, Frame frame)
    {
        Tick(s);
        switch (s.Type)
        {
            case "Pass" or "Global" or "Nonlocal":
                return Flow.Next;
            case "Expr":
                Eval(s.Node("value"), frame);
                return Flow.Next;
            case "Assign":
            {
                var value = Eval(s.Node("value"), frame);
                foreach (var target in s.Nodes("targets"))
                {
                    Store(target!, value, frame);
                }

                return Flow.Next;
            }

            case "AugAssign":
                AugAssign(s, frame);
                return Flow.Next;
            case "Return":
                frame.Returned = s.OptionalNode("value") is { } returned ? Eval(returned, frame) : ValueObj.None;
                return Flow.Return;
            case "Break":
                return Flow.Break;
            case "Continue":
                return Flow.Continue;
            case "If":
                return Body(Truthy(Eval(s.Node("test"), frame)) ? s.Nodes("body") : s.Nodes("orelse"), frame);
            case "While":
                while (Truthy(Eval(s.Node("test"), frame)))
                {
                    if (Iteration(s, frame) is { } exit)
                    {
                        return exit;
                    }
                }

                return Body(s.Nodes("orelse"), frame);
            case "For":
                return For(s, frame);
            case "FunctionDef":
                Def(s, frame);
                return Flow.Next;
            case "Import" or "ImportFrom":
                Import(s, frame);
                return Flow.Next;
            default:
                throw NotSupported.At($"'{s.Type}' statements", s);
        }
    }

    private Flow For(AstNode s, Frame frame)
    {
        var iterable = Eval(s.Node("iter"), frame);
        var target = s.Node("target");
        foreach (var item in Iterate(iterable, s))
        {
            Store(target, item, frame);
            if (Iteration(s, frame) is { } exit)
            {
                return exit;
            }
        }

        return Body(s.Nodes("orelse"), frame);
    }

    /// <summary>One pass of a loop's body: null to loop again, else how the loop statement ends (break skips the else clause).</summary>
    private Flow? Iteration(AstNode loop, Frame frame)
    {
        switch (Body(loop.Nodes("body"), frame))
        {
            case Flow.Return:
                return Flow.Return;
            case Flow.Break:
                return Flow.Next;
            default:
                Tick(loop);
                return null;
        }
    }

    /// <summary>iter() and next(): a list is walked by index, so items appended during the loop are seen.</summary>
    private IEnumerable<PyObj> Iterate(PyObj iterable, AstNode at)
    {
        switch (iterable)
        {
            case ListObj l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    yield return l.Items[i];
                }

                yield break;
            case TupleObj t:
                foreach (var item in t.Items)
                {
                    yield return item;
                }

                yield break;
            case RangeObj r:
                for (var i = System.Numerics.BigInteger.Zero; i < r.Length; i++)
                {
                    yield return ValueObj.Int(r[i]);
                }

                yield break;
            case ValueObj { Value: PyStr s }:
                foreach (var c in s.CodePoints)
                {
                    yield return new ValueObj(new PyStr([c]));
                }

                yield break;
            case DictObj d:
                foreach (var key in d.Entries.Select(e => e.Key).ToList())
                {
                    yield return ValueObj.Str(key);
                }

                yield break;
            case ValueObj or FunctionObj or CellObj or ModuleObj or WrapsObj or BuiltinObj:
                throw new Raised(new PythonError("TypeError", $"'{iterable.TypeName}' object is not iterable"));
            default:
                throw NotSupported.At($"iterating over {iterable.TypeName}", at);
        }
    }

    private void Store(AstNode target, PyObj value, Frame frame)
    {
        switch (target.Type)
        {
            case "Name":
                StoreName(target.Identifier("id")!, value, frame);
                return;
            case "Attribute":
                SetAttribute(Eval(target.Node("value"), frame), target.Identifier("attr")!, value, target, frame);
                return;
            case "Subscript":
                var container = Eval(target.Node("value"), frame);
                var key = Eval(target.Node("slice"), frame);
                SetItem(container, key, value, target);
                return;
            case "Tuple" or "List":
                var targets = target.Nodes("elts");
                if (targets.Any(t => t!.Type == "Starred"))
                {
                    throw NotSupported.At("starred assignment targets", target);
                }

                if (value is ValueObj { Value: not PyStr } or FunctionObj or CellObj or ModuleObj or BuiltinObj or WrapsObj)
                {
                    throw new Raised(new PythonError("TypeError", $"cannot unpack non-iterable {value.TypeName} object"));
                }

                // unpack_iterable: take one more item than needed to tell "too many" from exactly right.
                var items = new List<PyObj>();
                foreach (var item in Iterate(value, target))
                {
                    items.Add(item);
                    if (items.Count > targets.Count)
                    {
                        break;
                    }
                }

                if (items.Count < targets.Count)
                {
                    throw new Raised(new PythonError("ValueError", $"not enough values to unpack (expected {targets.Count}, got {items.Count})"));
                }

                if (items.Count > targets.Count)
                {
                    throw new Raised(new PythonError("ValueError", $"too many values to unpack (expected {targets.Count})"));
                }

                for (var i = 0; i < targets.Count; i++)
                {
                    Store(targets[i]!, items[i], frame);
                }

                return;
            default:
                throw NotSupported.At($"assigning to {target.Type}", target);
        }
    }

    private void AugAssign(AstNode s, Frame frame)
    {
        var target = s.Node("target");
        var op = s.Node("op").Type;
        switch (target.Type)
        {
            case "Name":
            {
                var left = Eval(target, frame);
                var right = Eval(s.Node("value"), frame);
                StoreName(target.Identifier("id")!, InPlace(left, op, right, s), frame);
                return;
            }

            case "Attribute":
            {
                var owner = Eval(target.Node("value"), frame);
                var attr = target.Identifier("attr")!;
                var left = GetAttribute(owner, attr, target);
                var right = Eval(s.Node("value"), frame);
                SetAttribute(owner, attr, InPlace(left, op, right, s), target, frame);
                return;
            }

            case "Subscript":
            {
                var container = Eval(target.Node("value"), frame);
                var key = Eval(target.Node("slice"), frame);
                var left = GetItem(container, key, target);
                var right = Eval(s.Node("value"), frame);
                SetItem(container, key, InPlace(left, op, right, s), target);
                return;
            }

            default:
                throw NotSupported.At($"augmented assignment to {target.Type}", target);
        }
    }

    /// <summary>
    /// import functools / from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES: the one
    /// module the subset has. Any other module is not supported.
    /// </summary>
    private void Import(AstNode s, Frame frame)
    {
        var module = s.Type == "Import" ? null : s.Identifier("module");
        foreach (var alias in s.Nodes("names"))
        {
            var name = alias!.Identifier("name")!;
            if ((module ?? name) != "functools")
            {
                throw NotSupported.At($"importing '{module ?? name}' (only functools is modelled)", s);
            }

            var value = module is null ? new ModuleObj("functools") : FunctoolsAttribute(name, alias);
            StoreName(SymbolTable.BoundName(alias), value, frame);
        }
    }

    // ------------------------------------------------------------------ defs

    private void Def(AstNode s, Frame frame)
    {
        var name = s.Identifier("name")!;

        // compiler_decorators: every decorator expression, top to bottom, before the function exists.
        var decorators = new List<(AstNode Node, PyObj Value)>();
        foreach (var node in s.Nodes("decorator_list"))
        {
            var value = Eval(node!, frame);
            decorators.Add((node!, value));
            _decorators.Add(new DecoratorEvent("evaluate", node!.Span!.Value.Line, Text(node), null, Reprs.Repr(value)));
            Emit("decorator", $"@{Text(node)} is evaluated (top to bottom, before def {name} makes the function): {Reprs.Repr(value, Reprs.StateLimit)}.", frame, []);
        }

        PyObj result = MakeFunction(s, frame);

        // compiler_apply_decorators: the calls run bottom to top, each on what the one below returned.
        for (var i = decorators.Count - 1; i >= 0; i--)
        {
            var (node, decorator) = decorators[i];
            var index = _decorators.Count;
            var target = Reprs.Repr(result);
            _decorators.Add(new DecoratorEvent("apply", node.Span!.Value.Line, Text(node), target, null));
            result = CallObject(decorator, [new Argument(ArgumentKind.Positional, null, result)], node, frame);
            _decorators[index] = _decorators[index] with { Value = Reprs.Repr(result) };
            Emit("decorate", $"@{Text(node)} is applied to {target} and returns {Reprs.Repr(result, Reprs.StateLimit)}"
                + (i > 0 ? $"; @{Text(decorators[i - 1].Node)} above it gets that." : $"; that is what {name} names."), frame, [name]);
        }

        StoreName(name, result, frame);
    }

    /// <summary>
    /// Defaults (then keyword-only defaults) evaluated in the defining frame, then MAKE_FUNCTION: the qualified
    /// name, <c>__doc__</c>, <c>__module__</c> from the globals' <c>__name__</c>, and the closure tuple built from the
    /// defining frame's cells named in the new code's <c>co_freevars</c>.
    /// </summary>
    private FunctionObj MakeFunction(AstNode node, Frame frame)
    {
        var args = node.Node("args");
        var defaults = args.Nodes("defaults").Select(d => Eval(d!, frame)).ToList();
        var kwonly = args.Nodes("kwonlyargs");
        var kwDefaults = args.Nodes("kw_defaults");
        var kw = new List<(string, PyObj)>();
        for (var i = 0; i < kwonly.Count; i++)
        {
            if (kwDefaults[i] is { } d)
            {
                kw.Add((kwonly[i]!.Identifier("arg")!, Eval(d, frame)));
            }
        }

        var scope = layout.Scopes[node];
        var code = layout.Codes[node];
        var isDef = node.Type == "FunctionDef";
        var function = new FunctionObj(++_functions, node, scope, code)
        {
            Name = isDef ? node.Identifier("name")! : "<lambda>",
            Qualname = scope.Qualname,
            Doc = isDef ? Docstring(node) : ValueObj.None,
            Module = _globals.Get("__name__") ?? ValueObj.None,
        };
        function.Defaults.AddRange(defaults);
        foreach (var (k, v) in kw)
        {
            function.KwDefaults[k] = v;
        }

        function.Closure = [.. code.Freevars.Select(v => frame.Cells[v])];
        foreach (var cell in function.Closure)
        {
            cell.SharedBy.Add(function);
        }

        var closure = function.Closure.Count == 0 ? "it has no free variables, so __closure__ is None"
            : "its __closure__ holds " + string.Join(", ", function.Closure.Select((c, i) =>
                $"cell #{c.Number} for {code.Freevars[i]} (now {(c.Contents is null ? "empty" : Reprs.Repr(c.Contents, Reprs.StateLimit))})"))
              + " — the cells themselves, not their current values";
        Emit(isDef ? "def" : "lambda",
            $"{(isDef ? $"def {function.Name}" : "lambda")} makes function object {function.Label}"
            + (defaults.Count > 0 ? $" with __defaults__ = {Reprs.Repr(new TupleObj(defaults), Reprs.StateLimit)} (evaluated now, once)" : "")
            + $"; {closure}.", frame, [.. code.Freevars]);
        return function;
    }

    /// <summary>
    /// The first statement, if a str constant, is <c>__doc__</c>. 3.13 stores it cleaned as inspect.cleandoc
    /// would, without stripping blank lines (_PyCompile_CleanDoc in Python/compile.c).
    /// </summary>
    private PyObj Docstring(AstNode def)
    {
        if (def.Nodes("body")[0] is not { Type: "Expr" } first || first.Node("value") is not { Type: "Constant" } constant
            || constant["value"] is not PyStr doc)
        {
            return ValueObj.None;
        }

        if (!version.AtLeast(13))
        {
            return new ValueObj(doc);
        }

        var text = Reprs.Text(doc);
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            throw NotSupported.At("docstrings with tabs (3.13 expands them)", constant);
        }

        return ValueObj.Str(CleanDoc(text));
    }

    private static string CleanDoc(string doc)
    {
        var lines = doc.Split('\n');
        var margin = int.MaxValue;
        foreach (var line in lines.Skip(1))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent < line.Length)
            {
                margin = Math.Min(margin, indent);
            }
        }

        if (margin == int.MaxValue)
        {
            margin = 0;
        }

        var result = new List<string> { lines[0].TrimStart(' ') };
        foreach (var line in lines.Skip(1))
        {
            var spaces = 0;
            while (spaces < margin && spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            result.Add(line[spaces..]);
        }

        return string.Join('\n', result);
    }
}
