using System.Text.Json.Nodes;
using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Classes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// The module around the match statement: class statements run in order (bases looked up, body run, the MRO by the
/// mro simulator's C3 merge), the subject built (literals, and constructor calls whose <c>__init__</c> runs), and
/// the names and attributes patterns and guards look up (LOAD_NAME, PyObject_GetAttr).
/// </summary>
internal sealed partial class PatternMatchingRun
{
    private readonly Dictionary<string, PyClassObject> _classes = new(StringComparer.Ordinal);
    private readonly List<ClassStatement> _statements = [];

    private static void Throw(string type, string message, SourceLocation? at = null) => throw new MatchError(new PythonError(type, message), at);

    private static bool IsDunder(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);

    /// <summary>LOAD_NAME at module level: the module's names, then the builtins.</summary>
    private Subject LoadName(string name)
    {
        if (_namespace.TryGetValue(name, out var bound))
        {
            return bound;
        }

        if (BuiltinClasses.ByName.TryGetValue(name, out var builtin))
        {
            return Subject.Of(builtin);
        }

        if (BuiltinClasses.IsOtherBuiltin(name, version))
        {
            throw new NotModelled($"references to the builtin '{name}' (of the builtins only the types int, bool, float, complex, str, bytes, tuple, list, dict, set, frozenset, bytearray and object)");
        }

        Throw("NameError", $"name '{name}' is not defined");
        return null!;
    }

    /// <summary>PyObject_GetAttr where an AttributeError propagates (dotted names, guards).</summary>
    private Subject GetAttribute(Subject owner, string name)
    {
        var (value, where) = LookupAttribute(owner, name);
        if (value is null)
        {
            Throw("AttributeError", where);
        }

        return value!;
    }

    /// <summary>
    /// PyObject_GetAttr on the values we model: an instance's own __dict__ first (no data descriptors exist in the
    /// subset), then its class's MRO; a class's MRO dicts; the number attributes of builtin values. Returns the
    /// value and where it was found, or null and the AttributeError's message.
    /// </summary>
    private (Subject? Value, string Where) LookupAttribute(Subject owner, string name)
    {
        switch (owner.Value)
        {
            case PyInstance instance:
                if (IsDunder(name))
                {
                    throw new NotModelled($"special attributes such as {name} fetched from instances");
                }

                if (instance.Dict.TryGetValue(name, out var own))
                {
                    return (own, "from the instance's __dict__");
                }

                if (instance.Class.Lookup(name) is { } inherited)
                {
                    return inherited.Value.Value is PyFunction
                        ? throw new NotModelled($"methods fetched as attributes (here {name}, a bound method)")
                        : (inherited.Value, $"the class attribute {inherited.Owner.Name}.{name}");
                }

                return (null, $"'{instance.Class.Name}' object has no attribute '{name}'");
            case PyClassObject { IsBuiltin: false } cls:
                if (IsDunder(name) && name is not ("__match_args__" or "__init__"))
                {
                    throw new NotModelled($"special attributes such as {name} fetched from classes");
                }

                if (cls.Lookup(name) is { } found)
                {
                    return (found.Value, found.Owner == cls ? $"from {cls.Name}.__dict__" : $"inherited from {found.Owner.Name}");
                }

                return name is "mro" or "__init__"
                    ? throw new NotModelled($"attributes that classes get from type or object (here {name})")
                    : (null, $"type object '{cls.Name}' has no attribute '{name}'");
            case PyClassObject or PyFunction:
                throw new NotModelled($"attribute lookups on {owner.TypeName} objects (here .{name})");
            default:
                if (IsDunder(name))
                {
                    throw new NotModelled($"special attributes such as {name} fetched from {owner.TypeName} values");
                }

                return BuiltinClasses.PlainAttribute(owner.Value, name, version) is { } plain
                    ? (Subject.Of(plain), $"an attribute of {owner.TypeName}")
                    : (null, $"'{owner.TypeName}' object has no attribute '{name}'");
        }
    }

    // ------------------------------------------------------------------ class statements

    private void CreateClass(AstNode def)
    {
        var name = def.Identifier("name")!;
        var line = def.Span!.Value.Line;

        // __build_class__: the bases are evaluated first, then the body runs, then type_new makes the class.
        var baseNames = def.Nodes("bases").Select(b => b!.Identifier("id")!).ToList();
        foreach (var baseName in baseNames)
        {
            if (LoadName(baseName).Value is not PyClassObject)
            {
                throw new NotModelled($"bases that are not classes (here {baseName})");
            }
        }

        var body = new List<(string Name, Subject? Value, AstNode? Def, List<Subject>? Defaults)>();
        foreach (var statement in def.Nodes("body"))
        {
            switch (statement!.Type)
            {
                case "Assign":
                    var value = Build(statement.Node("value"), source, "source");
                    body.AddRange(statement.Nodes("targets").Select(t => (t!.Identifier("id")!, (Subject?)value, (AstNode?)null, (List<Subject>?)null)));
                    break;
                case "AnnAssign" when statement.OptionalNode("value") is { } annotated:
                    body.Add((statement.Node("target").Identifier("id")!, Build(annotated, source, "source"), null, null));
                    break;
                case "FunctionDef":
                    var arguments = statement.Node("args");
                    var defaults = arguments.Nodes("defaults").Concat(arguments.Nodes("kw_defaults"))
                        .Select(d => d is null ? null! : Build(d, source, "source")).ToList();
                    body.Add((statement.Identifier("name")!, null, statement, defaults));
                    break;
            }
        }

        // type_new computes tp_mro with mro_implementation: the mro simulator's C3 merge, run to its result.
        var statementOfClass = new ClassStatement(name, baseNames, line);
        var mroRun = new MroRun(new JsonObject(), version, [.. _statements, statementOfClass], name);
        foreach (var _ in mroRun.Steps())
        {
        }

        var mro = (MroResult)mroRun.Result;
        if (mro.Error is { } mroError)
        {
            throw new MatchError(mroError, null);
        }

        _statements.Add(statementOfClass);
        var cls = PyClassObject.User(name, self => [.. mro.Mro!.Select(n => n == name ? self : n == "object" ? BuiltinClasses.Object : _classes[n])]);
        foreach (var (attribute, value, function, defaults) in body)
        {
            cls.Dict[attribute] = value ?? Subject.Of(Function(cls, function!, defaults!));
        }

        _classes[name] = cls;
        _namespace[name] = Subject.Of(cls);
        var contents = cls.Dict.Count == 0 ? "an empty namespace" : string.Join(", ", cls.Dict.Select(e => $"{e.Key} = {e.Value.Repr()}"));
        Emit("class", $"class {name} is created: __mro__ = {cls.MroText}; its __dict__ holds {contents}.", null, Subject.Of(cls), []);
    }

    /// <summary>The function object a def makes: its signature, and its defaults evaluated now.</summary>
    private static PyFunction Function(PyClassObject owner, AstNode def, List<Subject> defaults)
    {
        var arguments = def.Node("args");
        static List<string> Names(IReadOnlyList<AstNode?> args) => [.. args.Select(a => a!.Identifier("arg")!)];
        var positionalDefaults = arguments.Nodes("defaults").Count;
        var keywordOnly = Names(arguments.Nodes("kwonlyargs"));
        var kwDefaults = new Dictionary<string, ArgumentValue>(StringComparer.Ordinal);
        var defaultValues = new Dictionary<string, Subject>(StringComparer.Ordinal);
        var positional = Names(arguments.Nodes("posonlyargs")).Concat(Names(arguments.Nodes("args"))).ToList();
        for (var i = 0; i < positionalDefaults; i++)
        {
            defaultValues[positional[positional.Count - positionalDefaults + i]] = defaults[i];
        }

        for (var i = 0; i < keywordOnly.Count; i++)
        {
            if (defaults[positionalDefaults + i] is { } kwDefault)
            {
                kwDefaults[keywordOnly[i]] = Argument(kwDefault);
                defaultValues[keywordOnly[i]] = kwDefault;
            }
        }

        var signature = new FunctionSignature(Names(arguments.Nodes("posonlyargs")), Names(arguments.Nodes("args")), keywordOnly, null, null,
            [.. defaults.Take(positionalDefaults).Select(Argument)], kwDefaults);
        return new PyFunction($"{owner.Name}.{def.Identifier("name")}", signature, def, owner, defaultValues);
    }

    private static ArgumentValue Argument(Subject value) => new(value.Value, null, null);

    // ------------------------------------------------------------------ values: the subject, class attributes, defaults

    /// <summary>
    /// Evaluates a literal (numbers, strings, bytes, None, booleans, tuples, lists, dicts), a class of the source,
    /// or a call of one with such arguments. What Pynsights cannot evaluate is reported on <paramref name="field"/>.
    /// </summary>
    private Subject Build(AstNode node, string text, string field)
    {
        switch (node.Type)
        {
            case "Tuple" or "List":
            {
                var items = node.Nodes("elts").Select(e => Build(e!, text, field)).ToList();
                PyValue value = node.Type == "Tuple"
                    ? new PyTuple([.. items.Select(i => i.Value)])
                    : new PyUnhashable("list", "[" + string.Join(", ", items.Select(i => i.Repr())) + "]");
                return new Subject(value, items, null);
            }

            case "Dict":
            {
                var entries = new List<(Subject Key, Subject Value)>();
                var keys = node.Nodes("keys");
                var values = node.Nodes("values");
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is null)
                    {
                        throw new BadInput(field, "dict displays with ** are not supported in the subject yet.");
                    }

                    var key = Build(keys[i]!, text, field);
                    var value = Build(values[i]!, text, field);
                    if (!key.Value.IsHashable)
                    {
                        throw new BadInput(field, $"the dict key {key.Repr()} is unhashable (TypeError: unhashable type: '{key.TypeName}').");
                    }

                    var existing = entries.FindIndex(e => Subject.Equal(e.Key, key));
                    if (existing >= 0)
                    {
                        entries[existing] = (entries[existing].Key, value);
                    }
                    else
                    {
                        entries.Add((key, value));
                    }
                }

                var repr = "{" + string.Join(", ", entries.Select(e => $"{e.Key.Repr()}: {e.Value.Repr()}")) + "}";
                return new Subject(new PyUnhashable("dict", repr), null, entries);
            }

            case "Name" when _classes.TryGetValue(node.Identifier("id")!, out var named):
                return Subject.Of(named);
            case "Call" when node.Node("func") is { Type: "Name" } func && _classes.TryGetValue(func.Identifier("id")!, out var cls):
                return Construct(cls, node, text, field);
            case "Constant" or "UnaryOp" or "BinOp" or "Call":
            {
                var parsedValue = ValueParser.Parse(SourceText.Segment(text, node.Span!.Value), new PyHasher(version, 0));
                if (parsedValue.Value is null)
                {
                    var what = field == "subject" ? "the subject" : SourceText.Segment(text, node.Span!.Value);
                    throw new BadInput(field, parsedValue.Diagnostic?.Message ?? $"evaluating {what} raises {parsedValue.Error!.Type}: {parsedValue.Error.Message}");
                }

                return Subject.Of(parsedValue.Value);
            }

            default:
                throw new BadInput(field, $"{node.Type} expressions are not supported in the {(field == "subject" ? "subject" : "source")}; write a literal value or a call of a class of the source.");
        }
    }

    /// <summary>
    /// A call of a class of the source: type_call makes the object (object_new rejects arguments when no class
    /// along the MRO defines __init__), then calls the __init__ the MRO finds.
    /// </summary>
    private Subject Construct(PyClassObject cls, AstNode call, string text, string field)
    {
        var positional = new List<Subject>();
        var keywords = new List<(string Name, Subject Value)>();
        foreach (var argument in call.Nodes("args"))
        {
            if (argument!.Type == "Starred")
            {
                throw new BadInput(field, "* and ** in calls are not supported yet.");
            }

            positional.Add(Build(argument, text, field));
        }

        foreach (var keyword in call.Nodes("keywords"))
        {
            if (keyword!.Identifier("arg") is not { } name)
            {
                throw new BadInput(field, "* and ** in calls are not supported yet.");
            }

            keywords.Add((name, Build(keyword.Node("value"), text, field)));
        }

        var self = Subject.Of(new PyInstance(cls));
        var init = cls.Lookup("__init__");
        Emit("construct", $"{SourceText.Segment(text, call.Span!.Value)}: a new {cls.Name} object is made"
            + (init is null ? "; no class along the MRO defines __init__." : $", then {((PyFunction)init.Value.Value.Value).Qualname} runs on it."), null, self, []);
        if (init is null)
        {
            if (positional.Count + keywords.Count > 0)
            {
                Throw("TypeError", $"{cls.Name}() takes no arguments");
            }

            return self;
        }

        CallInit((PyFunction)init.Value.Value.Value, self, positional, keywords);
        return self;
    }

    /// <summary>Binds the arguments as the call-binding simulator does (its TypeErrors), then runs the body.</summary>
    private void CallInit(PyFunction function, Subject self, List<Subject> positional, List<(string Name, Subject Value)> keywords)
    {
        List<Subject> arguments = [self, .. positional];
        var items = arguments.Select(a => new ArgumentItem(ArgumentKind.Positional, null, Argument(a), a.Repr()))
            .Concat(keywords.Select(k => new ArgumentItem(ArgumentKind.Keyword, k.Name, Argument(k.Value), $"{k.Name}={k.Value.Repr()}")))
            .ToList();
        var binder = new CallBindingRun(new JsonObject(), version, function.Signature, items, null, function.Qualname);
        foreach (var _ in binder.Steps())
        {
        }

        if (((CallBindingResult)binder.Result).Error is { } bindingError)
        {
            throw new MatchError(bindingError, null);
        }

        // The binding succeeded, so each parameter has exactly one source: its position, its keyword or its default.
        var signature = function.Signature;
        var names = signature.VarNames;
        var locals = new Dictionary<string, Subject>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            locals[names[i]] = i < signature.ArgCount && i < arguments.Count ? arguments[i]
                : keywords.FirstOrDefault(k => k.Name == names[i]).Value ?? function.Defaults[names[i]];
        }

        Emit("init", $"{function.Qualname}({string.Join(", ", names.Select(n => $"{n}={locals[n].Repr()}"))}) runs.", null, self, []);
        var instance = (PyInstance)self.Value;
        foreach (var statement in function.Def.Nodes("body"))
        {
            switch (statement!.Type)
            {
                case "Assign" or "AnnAssign":
                    var value = Evaluate(statement.Node("value"), locals);
                    foreach (var target in statement.Type == "Assign" ? statement.Nodes("targets") : [statement.Node("target")])
                    {
                        instance.Dict[target!.Identifier("attr")!] = value;
                        Emit("init", $"{names[0]}.{target.Identifier("attr")} = {value.Repr()}.", null, self, []);
                    }

                    break;
                case "Expr" when ClassReader.IsSuperInit(statement.Node("value")):
                    var call = statement.Node("value");
                    var superPositional = call.Nodes("args").Select(a => Evaluate(a!, locals)).ToList();
                    var superKeywords = call.Nodes("keywords").Select(k => (k!.Identifier("arg")!, Evaluate(k.Node("value"), locals))).ToList();
                    var mro = instance.Class.Mro;
                    var next = mro.Skip(mro.ToList().IndexOf(function.Owner) + 1).Select(c => c.Dict.GetValueOrDefault("__init__")).FirstOrDefault(f => f is not null);
                    if (next is null)
                    {
                        Emit("super", $"super().__init__ in {function.Qualname}: no class after {function.Owner.Name} in {instance.Class.Name}.__mro__ defines __init__, so object.__init__ runs.", null, self, []);
                        if (superPositional.Count + superKeywords.Count > 0)
                        {
                            Throw("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
                        }

                        break;
                    }

                    var nextFunction = (PyFunction)next.Value;
                    Emit("super", $"super().__init__ in {function.Qualname}: the next class after {function.Owner.Name} in {instance.Class.Name}.__mro__ = {instance.Class.MroText} that defines __init__ is {nextFunction.Owner.Name}.", null, self, []);
                    CallInit(nextFunction, self, superPositional, superKeywords);
                    break;
            }
        }

        Subject Evaluate(AstNode node, Dictionary<string, Subject> scope) =>
            node.Type == "Name" ? scope[node.Identifier("id")!] : Build(node, source, "source");
    }
}
