using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// One attribute-lookup trace. <c>obj.name</c>: PyObject_GetAttr calls the type's tp_getattro, which is
/// PyObject_GenericGetAttr unless a class of the MRO defines __getattribute__ or __getattr__; then it is
/// Objects/typeobject.c <c>slot_tp_getattr_hook</c> (the first __getattribute__ of the MRO, generic when none,
/// then __getattr__ after an AttributeError). The generic lookup is Objects/object.c
/// <c>_PyObject_GenericGetAttrWithDict</c>: the type's MRO first (_PyType_Lookup); a data descriptor wins; then the
/// instance dict; then a non-data descriptor's __get__ or the plain class attribute. <c>Class.name</c> is
/// <c>type_getattro</c>: the metatype's data descriptors, then the class MRO with <c>__get__(None, cls)</c>, then the
/// metatype's other attributes. When a class statement of the source raised, the trace ends with its exception.
/// </summary>
internal sealed class AttributeLookupRun(
    JsonObject canonicalInput,
    PythonVersion version,
    AttributeTarget target,
    string name) : SimulationRun(canonicalInput)
{
    /// <summary>type.__dict__ and object.__dict__ hold no other name that is not a dunder, in 3.10 to 3.13.</summary>
    private const string MetatypeMethod = "mro";

    private readonly List<Step> _steps = [];
    private AttributeLookupResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    private SourceClass Type => target.Type!;

    private IReadOnlyList<string> MroNames => target.Type is null ? [] : [.. Type.Mro.Select(c => c.Name), "object"];

    private void Emit(string kind, string message, string? cls, string? found, SourceLocation? source) =>
        _steps.Add(new Step(_steps.Count, kind, message,
            new AttributeLookupState(name, cls, found, MroNames,
                target is { IsClass: false, Type.InstancesHaveDict: true } ? target.InstanceDict.ToDictionary(p => p.Key, p => p.Value.Repr(), StringComparer.Ordinal) : null),
            cls is null ? [name] : [cls, name], source));

    public override IEnumerable<Step> Steps()
    {
        _steps.Clear();
        Outcome outcome;
        if (target.SetupError is { } setup)
        {
            Emit("class-error", $"class {setup.Class} (line {setup.Line}) raises {setup.Error.Type} before {target.Label}.{name} is read.", setup.Class, null, null);
            outcome = new Outcome(null, null, null, setup.Error);
        }
        else
        {
            outcome = target.IsClass ? ClassLevel() : Instance();
        }

        var (value, foundIn, owner, error) = outcome;
        _result = new AttributeLookupResult(value, foundIn, owner, error);
        Emit(error is null ? "result" : "exception",
            error is null ? $"{target.Label}.{name} = {value} (from the {foundIn}{(owner is null ? "" : $" of {owner}")})." : $"{error.Type}: {error.Message}",
            owner, foundIn, null);
        return _steps;
    }

    private Outcome Instance()
    {
        var getattribute = Type.FindHook(b => b.Getattribute);
        var getattr = Type.FindHook(b => b.Getattr);
        if (getattribute < 0 && getattr < 0)
        {
            return Generic();
        }

        var hooks = string.Join(" and ", new[] { (getattribute, "__getattribute__"), (getattr, "__getattr__") }
            .Where(h => h.Item1 >= 0).Select(h => $"{Type.Mro[h.Item1].Name} defines {h.Item2}"));
        Emit("hook", $"{hooks}: tp_getattro is slot_tp_getattr_hook, which looks both up along the MRO.", null, null, AttributeSource.GetattrHook(version));
        var outcome = getattribute < 0 ? GenericFromHook() : CallGetattribute(getattribute);
        if (getattr < 0 || outcome.Error is not { Type: "AttributeError" } raised)
        {
            return outcome;
        }

        var hook = Type.Mro[getattr].Body.Getattr!;
        return Call(hook, "getattr", $"AttributeError ('{raised.Message}') is caught and {hook.Owner}.__getattr__(obj, '{name}') is called");
    }

    /// <summary>slot_tp_getattr_hook with no __getattribute__ override: the generic lookup, its AttributeError suppressed.</summary>
    private Outcome GenericFromHook()
    {
        Emit("getattribute", "No class of the MRO overrides __getattribute__: object's, PyObject_GenericGetAttr, runs.", null, null, AttributeSource.GetattrHook(version));
        return Generic();
    }

    /// <summary>call_attribute: the __getattribute__ found at <paramref name="index"/> of the MRO, bound and called.</summary>
    private Outcome CallGetattribute(int index)
    {
        if (index < 0)
        {
            return GenericFromHook();
        }

        var hook = Type.Mro[index].Body.Getattribute!;
        switch (hook.Action)
        {
            case HookAction.ObjectGetattribute:
                Emit("getattribute", $"{hook.Owner}.__getattribute__(obj, '{name}') returns object.__getattribute__(self, name): the generic lookup.", hook.Owner, "__getattribute__", null);
                return Generic();
            case HookAction.SuperGetattribute:
                var next = Type.FindHook(b => b.Getattribute, index + 1);
                Emit("getattribute",
                    $"{hook.Owner}.__getattribute__(obj, '{name}') returns super().__getattribute__(name): the search goes on after {hook.Owner} in {Type.Name}.__mro__, "
                    + (next < 0 ? "where only object's is left." : $"to {Type.Mro[next].Name}.__getattribute__."),
                    hook.Owner, "__getattribute__", null);
                return CallGetattribute(next);
            default:
                return Call(hook, "getattribute", $"{hook.Owner}.__getattribute__(obj, '{name}') is called");
        }
    }

    private Outcome Call(Hook hook, string kind, string called)
    {
        var hookName = kind == "getattr" ? "__getattr__" : "__getattribute__";
        if (hook.Action == HookAction.Return)
        {
            Emit(kind, $"{called} and returns {hook.Returned!.Repr()}.", hook.Owner, hookName, AttributeSource.GetattrHook(version));
            return new Outcome(hook.Returned.Repr(), hookName, hook.Owner, null);
        }

        var message = hook.Message ?? name;
        Emit(kind, $"{called} and raises AttributeError('{message}').", hook.Owner, hookName, AttributeSource.GetattrHook(version));
        return new Outcome(null, null, null, new PythonError("AttributeError", message));
    }

    /// <summary>_PyType_Lookup: the dicts of the MRO in order, then object's; <paramref name="reader"/> says who asks.</summary>
    private Attribute? WalkMro(string reader)
    {
        Emit("lookup", $"{reader} calls _PyType_Lookup, which searches {string.Join(" → ", MroNames)} for '{name}'.", null, null, AttributeSource.TypeLookup(version));
        foreach (var cls in Type.Mro)
        {
            if (cls.Body.Dict.GetValueOrDefault(name) is { } found)
            {
                Emit("type-hit", $"{cls.Name}.__dict__['{name}'] is {Describe(found)}.", cls.Name, Describe(found), AttributeSource.TypeLookup(version));
                return found;
            }

            Emit("type-dict", $"{cls.Name}.__dict__ has no '{name}'.", cls.Name, null, AttributeSource.TypeLookup(version));
        }

        Emit("type-miss", $"object.__dict__ has no '{name}' either: no class of the MRO defines it.", "object", null, AttributeSource.TypeLookup(version));
        return null;
    }

    private Outcome Generic()
    {
        var descr = WalkMro("PyObject_GenericGetAttr");
        if (descr is { IsData: true })
        {
            Emit("data-descriptor", "It is a data descriptor, so it wins over the instance dict: its __get__ is called.", descr.Owner, "data descriptor", AttributeSource.GenericGetAttr(version));
            if (descr.Kind == AttributeKind.Slot)
            {
                return target.Slots.TryGetValue(name, out var slotValue)
                    ? new Outcome(slotValue.Repr(), "data descriptor", descr.Owner, null)
                    : new Outcome(null, null, null, new PythonError("AttributeError", AttributeErrors.EmptySlot(version, Type.Name, name)));
            }

            return new Outcome(Get(descr), "data descriptor", descr.Owner, null);
        }

        if (Type.InstancesHaveDict)
        {
            if (target.InstanceDict.TryGetValue(name, out var own))
            {
                Emit("instance-dict", $"obj.__dict__ has '{name}'.", null, "instance __dict__", AttributeSource.GenericGetAttr(version));
                return new Outcome(own.Repr(), "instance __dict__", null, null);
            }

            Emit("instance-miss", $"obj.__dict__ has no '{name}'.", null, null, AttributeSource.GenericGetAttr(version));
        }
        else
        {
            Emit("no-dict", $"Instances of {Type.Name} have no __dict__ (__slots__ everywhere along the bases).", null, null, AttributeSource.GenericGetAttr(version));
        }

        if (descr is { HasGet: true })
        {
            Emit("non-data-descriptor", "It is a non-data descriptor: its __get__ is called.", descr.Owner, "non-data descriptor", AttributeSource.GenericGetAttr(version));
            return new Outcome(Get(descr), "non-data descriptor", descr.Owner, null);
        }

        return descr is not null
            ? new Outcome(descr.Value!.Repr(), "class attribute", descr.Owner, null)
            : new Outcome(null, null, null, new PythonError("AttributeError", AttributeErrors.Instance(version, Type.Name, name)));
    }

    /// <summary>type_getattro with type as the metatype.</summary>
    private Outcome ClassLevel()
    {
        var meta = name == MetatypeMethod;
        Emit("metatype",
            meta ? "type_getattro looks in the metatype first: type.__dict__['mro'] is a method descriptor, not a data descriptor, so the class comes first."
                 : $"type_getattro looks in the metatype first: neither type.__dict__ nor object.__dict__ has '{name}'.",
            "type", meta ? "method descriptor" : null, AttributeSource.TypeGetattro(version));
        var attribute = WalkMro("type_getattro");
        if (attribute is { HasGet: true })
        {
            var value = ClassGet(attribute);
            Emit("class-descriptor", $"It has __get__, called as __get__(None, {Type.Name}): {value}.", attribute.Owner, "descriptor", AttributeSource.TypeGetattro(version));
            return new Outcome(value, "descriptor", attribute.Owner, null);
        }

        if (attribute is not null)
        {
            return new Outcome(attribute.Value!.Repr(), "class attribute", attribute.Owner, null);
        }

        if (meta)
        {
            Emit("metatype-descriptor", $"The metatype's type.mro is bound to {Type.Name}.", "type", "metatype", AttributeSource.TypeGetattro(version));
            return new Outcome("<built-in method mro of type object>", "metatype", "type", null);
        }

        return new Outcome(null, null, null, new PythonError("AttributeError", AttributeErrors.Type(version, Type.Name, name)));
    }

    private static string Describe(Attribute a) => a.Kind switch
    {
        AttributeKind.Constant => $"the plain value {a.Value!.Repr()}",
        AttributeKind.Descriptor => $"a {a.Descriptor!.Name} instance ({(a.Descriptor.IsData ? "__get__ and __set__: a data descriptor" : "__get__ only: a non-data descriptor")})",
        AttributeKind.Method => "a function (a non-data descriptor)",
        AttributeKind.Property => "a property (a data descriptor)",
        AttributeKind.StaticMethod => "a staticmethod (a non-data descriptor)",
        AttributeKind.ClassMethod => "a classmethod (a non-data descriptor)",
        _ => "the member descriptor of a __slots__ name (a data descriptor)",
    };

    /// <summary>descr.__get__(obj, type(obj)).</summary>
    private static string Get(Attribute a) => a.Kind switch
    {
        AttributeKind.Descriptor => a.Descriptor!.Get.Repr(),
        AttributeKind.Property => a.Value!.Repr(),
        AttributeKind.Method or AttributeKind.ClassMethod => $"bound method {a.Owner}.{a.Name}",
        AttributeKind.StaticMethod => $"function {a.Owner}.{a.Name}",
        _ => a.Value!.Repr(),
    };

    /// <summary>
    /// descr.__get__(None, cls): a function (func_descr_get), a property (property_descr_get) and a member
    /// (member_get) give themselves; a classmethod binds to the class; a staticmethod gives its function.
    /// </summary>
    private static string ClassGet(Attribute a) => a.Kind switch
    {
        AttributeKind.Descriptor => a.Descriptor!.Get.Repr(),
        AttributeKind.Property => $"property {a.Owner}.{a.Name}",
        AttributeKind.ClassMethod => $"bound method {a.Owner}.{a.Name}",
        AttributeKind.Method or AttributeKind.StaticMethod => $"function {a.Owner}.{a.Name}",
        _ => $"<member '{a.Name}' of '{a.Owner}' objects>",
    };

    private sealed record Outcome(string? Value, string? FoundIn, string? Owner, PythonError? Error);
}
