using System.Numerics;
using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Defaults;

/// <summary>
/// Runs the module's defs and then each call, for the small subset the mutable-defaults trace needs: list and dict
/// methods that mutate, assignments, augmented assignments, if/else and return. Every object has an identity so the
/// trace can show that a default is one object shared by every call. Anything else raises <see cref="NotModelled"/>.
/// </summary>
internal sealed class Interpreter(PythonVersion version, string source, int maxItems)
{
    private sealed class Function(string name, AstNode def, FunctionSignature signature, List<PyObject> defaults,
        Dictionary<string, PyObject> kwDefaults, HashSet<string> locals)
    {
        public string Name { get; } = name;
        public AstNode Def { get; } = def;
        public FunctionSignature Signature { get; } = signature;
        public List<PyObject> Defaults { get; } = defaults;
        public Dictionary<string, PyObject> KwDefaults { get; } = kwDefaults;
        public HashSet<string> Locals { get; } = locals;
    }

    private sealed class Frame(Function function)
    {
        public Function Function { get; } = function;
        public Dictionary<string, PyObject> Locals { get; } = new(StringComparer.Ordinal);
        public List<string> Order { get; } = [];

        public void Bind(string name, PyObject value)
        {
            if (!Locals.ContainsKey(name))
            {
                Order.Add(name);
            }

            Locals[name] = value;
        }
    }

    /// <summary>The handle of the first keyword-only default; the next ones count down from it.</summary>
    private const int KwDefaultBase = -100_000;

    private readonly Dictionary<string, Function> _functions = new(StringComparer.Ordinal);
    private readonly List<Step> _steps = [];
    private readonly List<CallOutcome> _outcomes = [];
    private int _nextId = 1;
    private int _items;
    private string? _call;
    private Frame? _frame;

    public IReadOnlyList<Step> Steps => _steps;

    public IReadOnlyList<CallOutcome> Outcomes => _outcomes;

    // ------------------------------------------------------------------ driving

    public void DefineAll(AstNode module)
    {
        foreach (var def in module.Nodes("body"))
        {
            try
            {
                Define(def!);
            }
            catch (PyRaise raise)
            {
                throw new NotModelled($"defaults that raise ({raise.Error.Type}: {raise.Error.Message})");
            }
        }
    }

    private void Define(AstNode def)
    {
        var name = def.Identifier("name")!;
        var args = def.Node("args");
        static string ArgName(AstNode? a) => a!.Identifier("arg")!;
        var defaults = args.Nodes("defaults").Select(d => Eval(d!, null)).ToList();
        var kwonly = args.Nodes("kwonlyargs").Select(ArgName).ToList();
        var kwDefaults = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        var kwNodes = args.Nodes("kw_defaults");
        for (var i = 0; i < kwonly.Count; i++)
        {
            if (kwNodes[i] is { } node)
            {
                kwDefaults[kwonly[i]] = Eval(node, null);
            }
        }

        var kwHandle = KwDefaultBase;
        var signature = new FunctionSignature(
            [.. args.Nodes("posonlyargs").Select(ArgName)], [.. args.Nodes("args").Select(ArgName)], kwonly, null, null,
            [.. defaults.Select((_, i) => new ArgumentValue(new Handle(-1 - i), null, null))],
            kwDefaults.ToDictionary(p => p.Key, p => new ArgumentValue(new Handle(kwHandle--), null, null), StringComparer.Ordinal));
        var locals = new HashSet<string>(signature.VarNames, StringComparer.Ordinal);
        CollectAssigned(def.Nodes("body"), locals);
        _functions[name] = new Function(name, def, signature, defaults, kwDefaults, locals);
        var function = _functions[name];
        Emit("def", defaults.Count + kwDefaults.Count == 0
            ? $"def {name} runs: it has no defaults."
            : $"def {name} runs: its defaults are evaluated now, once: {name}.__defaults__ = {DefaultsRepr(function) ?? "None"}"
              + (KwDefaultsRepr(function) is { } kw ? $", {name}.__kwdefaults__ = {kw}" : "") + ".", [name]);
    }

    private static void CollectAssigned(IEnumerable<AstNode?> body, HashSet<string> locals)
    {
        foreach (var statement in body)
        {
            switch (statement!.Type)
            {
                case "Assign":
                    foreach (var target in statement.Nodes("targets"))
                    {
                        if (target!.Type == "Name")
                        {
                            locals.Add(target.Identifier("id")!);
                        }
                    }

                    break;
                case "AugAssign" when statement.Node("target").Type == "Name":
                    locals.Add(statement.Node("target").Identifier("id")!);
                    break;
                case "If":
                    CollectAssigned(statement.Nodes("body"), locals);
                    CollectAssigned(statement.Nodes("orelse"), locals);
                    break;
            }
        }
    }

    public void Call(string text, AstNode call)
    {
        _call = text;
        var function = _functions[call.Node("func").Identifier("id")!];
        string? returned = null;
        PythonError? error = null;
        try
        {
            returned = Invoke(function, call).Repr();
            Emit("return", $"{text} returns {returned}.", ["return"]);
        }
        catch (PyRaise raise)
        {
            error = raise.Error;
            Emit("exception", $"{text} raises {raise.Error.Type}: {raise.Error.Message}", []);
        }

        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in _functions.Values)
        {
            if (DefaultsRepr(f) is { } d)
            {
                defaults[$"{f.Name}.__defaults__"] = d;
            }

            if (KwDefaultsRepr(f) is { } k)
            {
                defaults[$"{f.Name}.__kwdefaults__"] = k;
            }
        }

        _outcomes.Add(new CallOutcome(text, returned, error, defaults));
        _frame = null;
        _call = null;
    }

    private PyObject Invoke(Function function, AstNode call)
    {
        // The caller evaluates the arguments (fresh objects for each call), then binding fills the frame.
        var arguments = new List<PyObject>();
        var items = new List<ArgumentItem>();
        foreach (var arg in call.Nodes("args"))
        {
            var value = Eval(arg!, null);
            items.Add(new ArgumentItem(ArgumentKind.Positional, null, new ArgumentValue(new Handle(arguments.Count), null, null), ""));
            arguments.Add(value);
        }

        foreach (var keyword in call.Nodes("keywords"))
        {
            var value = Eval(keyword!.Node("value"), null);
            items.Add(new ArgumentItem(ArgumentKind.Keyword, keyword.Identifier("arg"), new ArgumentValue(new Handle(arguments.Count), null, null), ""));
            arguments.Add(value);
        }

        var binding = new CallBindingRun(new(), version, function.Signature, items, null, function.Name);
        foreach (var _ in binding.Steps())
        {
        }

        var bound = (CallBindingResult)binding.Result;
        if (bound.Error is { } bindError)
        {
            throw new PyRaise(bindError);
        }

        var frame = new Frame(function);
        var shared = new List<string>();
        var kwDefaultValues = function.KwDefaults.Values.ToList();
        foreach (var (name, token) in bound.Arguments!)
        {
            // Handles >= 0 are the call's arguments; the def numbered its defaults -1, -2, ... and its
            // keyword-only defaults from KwDefaultBase down.
            var index = int.Parse(token.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var value = index >= 0 ? arguments[index]
                : index <= KwDefaultBase ? kwDefaultValues[KwDefaultBase - index]
                : function.Defaults[-1 - index];
            frame.Bind(name, value);
            if (index < 0)
            {
                shared.Add(value is ValueObject ? $"{name} is its default {value.Repr()}" : $"{name} is the default object #{value.Id}");
            }
        }

        _frame = frame;
        Emit("call", $"{_call}: the arguments are bound" + (shared.Count == 0
                ? "; no default is used."
                : $"; {string.Join(", ", shared)}, the same object every call that omits it gets."),
            [.. frame.Order]);

        var result = Run(function.Def.Nodes("body"), frame);
        return result ?? NewValue(PyNone.Instance);
    }

    // ------------------------------------------------------------------ statements

    private PyObject? Run(IEnumerable<AstNode?> body, Frame frame)
    {
        foreach (var statement in body)
        {
            var s = statement!;
            switch (s.Type)
            {
                case "Pass":
                    Emit("statement", "pass.", []);
                    break;
                case "Expr":
                    Eval(s.Node("value"), frame);
                    Emit("statement", $"Line {s.Span!.Value.Line}: {Text(s)}.", Touched(s));
                    break;
                case "Return":
                    var value = s.OptionalNode("value") is { } v ? Eval(v, frame) : NewValue(PyNone.Instance);
                    return value;
                case "Assign":
                {
                    var assigned = Eval(s.Node("value"), frame);
                    foreach (var target in s.Nodes("targets"))
                    {
                        Store(target!, assigned, frame);
                    }

                    Emit("statement", $"Line {s.Span!.Value.Line}: {Text(s)}.", Touched(s));
                    break;
                }

                case "AugAssign":
                    AugAssign(s, frame);
                    Emit("statement", $"Line {s.Span!.Value.Line}: {Text(s)}.", Touched(s));
                    break;
                case "If":
                    var test = Eval(s.Node("test"), frame).Truthy;
                    Emit("branch", $"Line {s.Span!.Value.Line}: the condition {Text(s.Node("test"))} is {(test ? "true" : "false")}.", []);
                    var branch = Run(test ? s.Nodes("body") : s.Nodes("orelse"), frame);
                    if (branch is not null)
                    {
                        return branch;
                    }

                    break;
                default:
                    throw new NotModelled($"'{s.Type}' statements");
            }
        }

        return null;
    }

    private string Text(AstNode node) => SourceText.Segment(source, node.Span!.Value);

    private static List<string> Touched(AstNode statement) => statement.Type switch
    {
        "Assign" => [.. statement.Nodes("targets").Where(t => t!.Type == "Name").Select(t => t!.Identifier("id")!)],
        "AugAssign" when statement.Node("target").Type == "Name" => [statement.Node("target").Identifier("id")!],
        _ => [],
    };

    private void Store(AstNode target, PyObject value, Frame frame)
    {
        switch (target.Type)
        {
            case "Name":
                frame.Bind(target.Identifier("id")!, value);
                return;
            case "Subscript":
                var container = Eval(target.Node("value"), frame);
                var key = Eval(target.Node("slice"), frame);
                SetItem(container, key, value);
                return;
            default:
                throw new NotModelled("assignment to this kind of target");
        }
    }

    private void AugAssign(AstNode statement, Frame frame)
    {
        var target = statement.Node("target");
        var op = statement.Node("op").Type;
        var right = Eval(statement.Node("value"), frame);
        if (target.Type == "Name")
        {
            var left = Eval(target, frame);
            frame.Bind(target.Identifier("id")!, InPlace(left, op, right));
            return;
        }

        if (target.Type == "Subscript")
        {
            var container = Eval(target.Node("value"), frame);
            var key = Eval(target.Node("slice"), frame);
            SetItem(container, key, InPlace(GetItem(container, key), op, right));
            return;
        }

        throw new NotModelled("augmented assignment to this kind of target");
    }

    /// <summary>list += iterable extends the same list (list_inplace_concat); other types make a new object.</summary>
    private PyObject InPlace(PyObject left, string op, PyObject right)
    {
        if (op == "Add" && left is ListObject list)
        {
            var items = right switch
            {
                ListObject l => l.Items.ToList(),
                TupleObject t => t.Items.ToList(),
                _ => throw new NotModelled($"list += {right.TypeName}"),
            };
            Grow(items.Count);
            list.Items.AddRange(items);
            return list;
        }

        return Binary(left, op, right);
    }

    // ------------------------------------------------------------------ expressions

    private ValueObject NewValue(PyValue value) => new(0, value);

    private void Grow(int count)
    {
        _items += count;
        if (_items > maxItems)
        {
            throw new NotModelled($"programs that build more than {maxItems} items");
        }
    }

    private PyObject Eval(AstNode node, Frame? frame)
    {
        switch (node.Type)
        {
            case "Constant":
                return node["value"] is PyValue value && value is PyNone or PyBool or PyInt or PyStr or PyFloat
                    ? NewValue(value)
                    : throw new NotModelled("this kind of constant");
            case "Name":
                return Lookup(node.Identifier("id")!, frame);
            case "List":
            {
                var items = node.Nodes("elts").Select(e => Eval(e!, frame)).ToList();
                Grow(items.Count + 1);
                return new ListObject(_nextId++, items);
            }

            case "Tuple":
            {
                var items = node.Nodes("elts").Select(e => Eval(e!, frame)).ToList();
                Grow(items.Count + 1);
                return new TupleObject(_nextId++, items);
            }

            case "Dict":
            {
                var dict = new DictObject(_nextId++);
                Grow(1);
                var keys = node.Nodes("keys");
                var values = node.Nodes("values");
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is null)
                    {
                        throw new NotModelled("** in dict displays");
                    }

                    SetItem(dict, Eval(keys[i]!, frame), Eval(values[i]!, frame));
                }

                return dict;
            }

            case "BinOp":
                return Binary(Eval(node.Node("left"), frame), node.Node("op").Type, Eval(node.Node("right"), frame));
            case "UnaryOp":
            {
                var operand = Eval(node.Node("operand"), frame);
                return node.Node("op").Type switch
                {
                    "Not" => NewValue(operand.Truthy ? PyBool.False : PyBool.True),
                    "USub" when operand is ValueObject { Value: PyInt i } => NewValue(new PyInt(-i.Value)),
                    _ => throw new NotModelled("this unary operator"),
                };
            }

            case "BoolOp":
            {
                PyObject last = null!;
                var isAnd = node.Node("op").Type == "And";
                foreach (var operand in node.Nodes("values"))
                {
                    last = Eval(operand!, frame);
                    if (last.Truthy != isAnd)
                    {
                        return last;
                    }
                }

                return last;
            }

            case "IfExp":
                return Eval(Eval(node.Node("test"), frame).Truthy ? node.Node("body") : node.Node("orelse"), frame);
            case "Compare":
                return Compare(node, frame);
            case "Subscript":
                return GetItem(Eval(node.Node("value"), frame), Eval(node.Node("slice"), frame));
            case "Call":
                return CallExpression(node, frame);
            default:
                throw new NotModelled($"'{node.Type}' expressions");
        }
    }

    private PyObject Lookup(string name, Frame? frame)
    {
        if (frame is not null && frame.Function.Locals.Contains(name))
        {
            if (frame.Locals.TryGetValue(name, out var value))
            {
                return value;
            }

            throw new PyRaise(new PythonError("UnboundLocalError", version.AtLeast(11)
                ? $"cannot access local variable '{name}' where it is not associated with a value"
                : $"local variable '{name}' referenced before assignment"));
        }

        if (_functions.ContainsKey(name) || name is "len" or "list" or "dict" or "print")
        {
            throw new NotModelled($"using '{name}' as a value");
        }

        throw new PyRaise(new PythonError("NameError", $"name '{name}' is not defined"));
    }

    private PyObject Binary(PyObject left, string op, PyObject right)
    {
        switch (op, left, right)
        {
            case ("Add", ValueObject { Value: PyInt a }, ValueObject { Value: PyInt b }):
                return NewValue(new PyInt(a.Value + b.Value));
            case ("Sub", ValueObject { Value: PyInt a }, ValueObject { Value: PyInt b }):
                return NewValue(new PyInt(a.Value - b.Value));
            case ("Mult", ValueObject { Value: PyInt a }, ValueObject { Value: PyInt b }) when BigInteger.Abs(a.Value) < 1_000_000_000 && BigInteger.Abs(b.Value) < 1_000_000_000:
                return NewValue(new PyInt(a.Value * b.Value));
            case ("Add", ValueObject { Value: PyStr a }, ValueObject { Value: PyStr b }):
                Grow(1);
                return NewValue(new PyStr([.. a.CodePoints, .. b.CodePoints]));
            case ("Add", ListObject a, ListObject b):
                Grow(a.Items.Count + b.Items.Count + 1);
                return new ListObject(_nextId++, [.. a.Items, .. b.Items]);
            case ("Add", ListObject, _):
                throw new PyRaise(new PythonError("TypeError", $"can only concatenate list (not \"{right.TypeName}\") to list"));
            case ("Add", TupleObject a, TupleObject b):
                Grow(a.Items.Count + b.Items.Count + 1);
                return new TupleObject(_nextId++, [.. a.Items, .. b.Items]);
            default:
                throw new NotModelled($"{left.TypeName} {op} {right.TypeName}");
        }
    }

    private PyObject Compare(AstNode node, Frame? frame)
    {
        var ops = node.Nodes("ops");
        if (ops.Count != 1)
        {
            throw new NotModelled("chained comparisons");
        }

        var left = Eval(node.Node("left"), frame);
        var right = Eval(node.Nodes("comparators")[0]!, frame);
        bool result;
        switch (ops[0]!.Type)
        {
            case "Is" or "IsNot":
                // Identity is only modelled where CPython guarantees it: None, True, False and containers.
                bool same;
                if (left is ValueObject { Value: PyNone or PyBool } a && right is ValueObject { Value: PyNone or PyBool } b)
                {
                    same = a.Value.GetType() == b.Value.GetType() && a.Value.Repr() == b.Value.Repr();
                }
                else if (left is ValueObject { Value: PyNone or PyBool } || right is ValueObject { Value: PyNone or PyBool })
                {
                    same = false;
                }
                else if (left is not ValueObject && right is not ValueObject)
                {
                    same = ReferenceEquals(left, right);
                }
                else
                {
                    throw new NotModelled("'is' between numbers or strings");
                }

                result = ops[0]!.Type == "Is" ? same : !same;
                break;
            case "Eq":
                result = Equal(left, right);
                break;
            case "NotEq":
                result = !Equal(left, right);
                break;
            case "In" or "NotIn":
                var found = right switch
                {
                    ListObject l => l.Items.Any(i => Equal(i, left)),
                    TupleObject t => t.Items.Any(i => Equal(i, left)),
                    DictObject d => FindKey(d, Hashable(left)) >= 0,
                    _ => throw new NotModelled($"'in' on {right.TypeName}"),
                };
                result = ops[0]!.Type == "In" ? found : !found;
                break;
            case "Lt" or "LtE" or "Gt" or "GtE" when left is ValueObject { Value: PyInt x } && right is ValueObject { Value: PyInt y }:
                var c = x.Value.CompareTo(y.Value);
                result = ops[0]!.Type switch { "Lt" => c < 0, "LtE" => c <= 0, "Gt" => c > 0, _ => c >= 0 };
                break;
            default:
                throw new NotModelled("this comparison");
        }

        return NewValue(result ? PyBool.True : PyBool.False);
    }

    private static bool Equal(PyObject a, PyObject b) => (a, b) switch
    {
        (ValueObject x, ValueObject y) => PyEquality.Equal(x.Value, y.Value),
        (ListObject x, ListObject y) => ReferenceEquals(x, y) || (x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => ReferenceEquals(p.First, p.Second) || Equal(p.First, p.Second))),
        (TupleObject x, TupleObject y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => ReferenceEquals(p.First, p.Second) || Equal(p.First, p.Second)),
        (DictObject x, DictObject y) => ReferenceEquals(x, y) || (x.Entries.Count == y.Entries.Count && x.Entries.All(e => FindKey(y, e.Key) is var i && i >= 0 && (ReferenceEquals(y.Entries[i].Value, e.Value) || Equal(y.Entries[i].Value, e.Value)))),
        _ => false,
    };

    /// <summary>Only immutable keys (numbers, strings, None, tuples of those) are modelled as dict keys.</summary>
    private static PyObject Hashable(PyObject key)
    {
        switch (key)
        {
            case ValueObject:
                return key;
            case TupleObject t:
                foreach (var item in t.Items)
                {
                    Hashable(item);
                }

                return key;
            default:
                throw new PyRaise(PythonError.Unhashable(new PyUnhashable(key.TypeName, "")));
        }
    }

    private static int FindKey(DictObject dict, PyObject key) => dict.Entries.FindIndex(e => Equal(e.Key, key));

    private static int Index(PyObject index, int count, string message)
    {
        if (index is not ValueObject { Value: PyInt i })
        {
            throw new NotModelled("indexes that are not ints");
        }

        var value = i.Value < 0 ? i.Value + count : i.Value;
        if (value < 0 || value >= count)
        {
            throw new PyRaise(new PythonError("IndexError", message));
        }

        return (int)value;
    }

    private static PyObject GetItem(PyObject container, PyObject key) => container switch
    {
        ListObject l => l.Items[Index(key, l.Items.Count, "list index out of range")],
        TupleObject t => t.Items[Index(key, t.Items.Count, "tuple index out of range")],
        DictObject d => FindKey(d, Hashable(key)) is var found && found >= 0
            ? d.Entries[found].Value
            : throw new PyRaise(new PythonError("KeyError", key.Repr())),
        _ => throw new NotModelled($"subscripting {container.TypeName}"),
    };

    private void SetItem(PyObject container, PyObject key, PyObject value)
    {
        switch (container)
        {
            case ListObject l:
                l.Items[Index(key, l.Items.Count, "list assignment index out of range")] = value;
                return;
            case DictObject d:
                var found = FindKey(d, Hashable(key));
                if (found >= 0)
                {
                    d.Entries[found] = (d.Entries[found].Key, value);
                }
                else
                {
                    Grow(1);
                    d.Entries.Add((key, value));
                }

                return;
            default:
                throw new NotModelled($"item assignment on {container.TypeName}");
        }
    }

    private PyObject CallExpression(AstNode node, Frame? frame)
    {
        if (node.Nodes("keywords").Count > 0 || node.Nodes("args").Any(a => a!.Type == "Starred"))
        {
            throw new NotModelled("keyword or * arguments inside the function");
        }

        var func = node.Node("func");
        if (func.Type == "Name")
        {
            var args = node.Nodes("args").Select(a => Eval(a!, frame)).ToList();
            switch (func.Identifier("id"), args.Count)
            {
                case ("len", 1):
                    return NewValue(new PyInt(args[0] switch
                    {
                        ListObject l => l.Items.Count,
                        TupleObject t => t.Items.Count,
                        DictObject d => d.Entries.Count,
                        ValueObject { Value: PyStr s } => s.CodePoints.Count,
                        _ => throw new NotModelled($"len() of {args[0].TypeName}"),
                    }));
                case ("list", 0):
                    Grow(1);
                    return new ListObject(_nextId++, []);
                case ("dict", 0):
                    Grow(1);
                    return new DictObject(_nextId++);
                default:
                    throw new NotModelled($"calling {func.Identifier("id")}() here");
            }
        }

        if (func.Type != "Attribute")
        {
            throw new NotModelled("this kind of call");
        }

        var self = Eval(func.Node("value"), frame);
        var arguments = node.Nodes("args").Select(a => Eval(a!, frame)).ToList();
        var method = func.Identifier("attr");
        switch (self, method, arguments.Count)
        {
            case (ListObject l, "append", 1):
                Grow(1);
                l.Items.Add(arguments[0]);
                return NewValue(PyNone.Instance);
            case (ListObject l, "extend", 1):
                InPlace(l, "Add", arguments[0]);
                return NewValue(PyNone.Instance);
            case (ListObject l, "insert", 2) when arguments[0] is ValueObject { Value: PyInt i }:
                Grow(1);
                var at = i.Value < 0 ? BigInteger.Max(0, i.Value + l.Items.Count) : BigInteger.Min(i.Value, l.Items.Count);
                l.Items.Insert((int)at, arguments[1]);
                return NewValue(PyNone.Instance);
            case (ListObject l, "pop", 0):
                if (l.Items.Count == 0)
                {
                    throw new PyRaise(new PythonError("IndexError", "pop from empty list"));
                }

                var last = l.Items[^1];
                l.Items.RemoveAt(l.Items.Count - 1);
                return last;
            case (ListObject l, "clear", 0):
                l.Items.Clear();
                return NewValue(PyNone.Instance);
            case (ListObject l, "copy", 0):
                Grow(l.Items.Count + 1);
                return new ListObject(_nextId++, l.Items);
            case (DictObject d, "setdefault", 1 or 2):
            {
                var key = Hashable(arguments[0]);
                var found = FindKey(d, key);
                if (found >= 0)
                {
                    return d.Entries[found].Value;
                }

                var value = arguments.Count == 2 ? arguments[1] : NewValue(PyNone.Instance);
                Grow(1);
                d.Entries.Add((key, value));
                return value;
            }

            case (DictObject d, "get", 1 or 2):
            {
                var found = FindKey(d, Hashable(arguments[0]));
                return found >= 0 ? d.Entries[found].Value : arguments.Count == 2 ? arguments[1] : NewValue(PyNone.Instance);
            }

            case (DictObject d, "clear", 0):
                d.Entries.Clear();
                return NewValue(PyNone.Instance);
            case (DictObject d, "copy", 0):
            {
                Grow(d.Entries.Count + 1);
                var copy = new DictObject(_nextId++);
                copy.Entries.AddRange(d.Entries);
                return copy;
            }

            default:
                throw new NotModelled($"{self.TypeName}.{method}() with {arguments.Count} argument(s)");
        }
    }

    // ------------------------------------------------------------------ steps

    private static string? DefaultsRepr(Function f) =>
        f.Defaults.Count == 0 ? null : new TupleObject(0, f.Defaults).Repr();

    private static string? KwDefaultsRepr(Function f)
    {
        if (f.KwDefaults.Count == 0)
        {
            return null;
        }

        var dict = new DictObject(0);
        foreach (var (name, value) in f.KwDefaults)
        {
            dict.Entries.Add((new ValueObject(0, new PyStr(name.EnumerateRunes().Select(r => r.Value))), value));
        }

        return dict.Repr();
    }

    private void Emit(string kind, string message, IReadOnlyList<string> highlight)
    {
        var locals = _frame is null
            ? []
            : _frame.Order.Select(n => new LocalValue(n, _frame.Locals[n].Repr(), _frame.Locals[n] is ValueObject ? null : _frame.Locals[n].Id)).ToList();
        var functions = _functions.Values.Select(f => new FunctionDefaults(f.Name, DefaultsRepr(f), KwDefaultsRepr(f),
            [.. f.Defaults.Concat(f.KwDefaults.Values).Where(o => o is not ValueObject).Select(o => o.Id)])).ToList();
        _steps.Add(new Step(_steps.Count, kind, message, new MutableDefaultsState(_call, locals, functions), highlight, null));
    }
}
