using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// One attribute-lookup trace: <c>obj.name</c> as Objects/object.c <c>_PyObject_GenericGetAttrWithDict</c> does
/// it (the type's MRO first; a data descriptor wins; then the instance dict; then a non-data descriptor's __get__
/// or the plain class attribute), then Objects/typeobject.c <c>slot_tp_getattr_hook</c> calling __getattr__ after
/// an AttributeError. The same in 3.10 to 3.13.
/// </summary>
internal sealed class AttributeLookupRun(
    JsonObject canonicalInput,
    PythonVersion version,
    SourceClass type,
    IReadOnlyDictionary<string, PyValue> instanceDict,
    IReadOnlyDictionary<string, PyValue> slots,
    string name) : SimulationRun(canonicalInput)
{
    private readonly List<Step> _steps = [];
    private AttributeLookupResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    private IReadOnlyList<string> MroNames => [.. type.Mro().Select(c => c.Name), "object"];

    private void Emit(string kind, string message, string? cls, string? found) =>
        _steps.Add(new Step(_steps.Count, kind, message,
            new AttributeLookupState(name, cls, found, MroNames,
                type.InstancesHaveDict ? instanceDict.ToDictionary(p => p.Key, p => p.Value.Repr(), StringComparer.Ordinal) : null),
            cls is null ? [name] : [cls, name], kind == "getattr" ? AttributeSource.GetattrHook(version) : kind is "result" or "exception" ? null : AttributeSource.GenericGetAttr(version)));

    public override IEnumerable<Step> Steps()
    {
        _steps.Clear();
        var (value, foundIn, owner, error) = Generic();
        if (error is not null && type.GetattrOwner is { } getattrClass)
        {
            Emit("getattr", $"The lookup raised AttributeError, and {getattrClass.Name} defines __getattr__: it is called and returns {getattrClass.Getattr!.Repr()}.", getattrClass.Name, "__getattr__");
            (value, foundIn, owner, error) = (getattrClass.Getattr!.Repr(), "__getattr__", getattrClass.Name, null);
        }

        _result = new AttributeLookupResult(value, foundIn, owner, error);
        Emit(error is null ? "result" : "exception",
            error is null ? $"obj.{name} = {value} (from the {foundIn}{(owner is null ? "" : $" of {owner}")})." : $"AttributeError: {error.Message}",
            owner, foundIn);
        return _steps;
    }

    private (string? Value, string? FoundIn, string? Owner, PythonError? Error) Generic()
    {
        Emit("lookup", $"_PyType_Lookup walks {string.Join(" → ", MroNames)} for '{name}'.", null, null);
        var descr = type.Lookup(name);
        if (descr is null)
        {
            Emit("type-miss", $"No class of the MRO defines '{name}'.", null, null);
        }
        else
        {
            Emit("type-hit", $"{descr.Owner}.__dict__['{name}'] is {Describe(descr)}.", descr.Owner, Describe(descr));
        }

        if (descr is { IsData: true })
        {
            Emit("data-descriptor", $"It is a data descriptor, so it wins over the instance dict: its __get__ is called.", descr.Owner, "data descriptor");
            if (descr.Kind == AttributeKind.Slot)
            {
                return slots.TryGetValue(name, out var slotValue)
                    ? (slotValue.Repr(), "data descriptor", descr.Owner, null)
                    : (null, null, null, new PythonError("AttributeError", $"'{type.Name}' object has no attribute '{name}'"));
            }

            return (Get(descr), "data descriptor", descr.Owner, null);
        }

        if (type.InstancesHaveDict)
        {
            if (instanceDict.TryGetValue(name, out var own))
            {
                Emit("instance-dict", $"obj.__dict__ has '{name}'.", null, "instance __dict__");
                return (own.Repr(), "instance __dict__", null, null);
            }

            Emit("instance-miss", $"obj.__dict__ has no '{name}'.", null, null);
        }
        else
        {
            Emit("no-dict", $"Instances of {type.Name} have no __dict__ (every class declares __slots__).", null, null);
        }

        if (descr is { HasGet: true })
        {
            Emit("non-data-descriptor", "It is a non-data descriptor: its __get__ is called.", descr.Owner, "non-data descriptor");
            return (Get(descr), "non-data descriptor", descr.Owner, null);
        }

        if (descr is not null)
        {
            return (descr.Value!.Repr(), "class attribute", descr.Owner, null);
        }

        return (null, null, null, new PythonError("AttributeError", $"'{type.Name}' object has no attribute '{name}'"));
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

    private static string Get(Attribute a) => a.Kind switch
    {
        AttributeKind.Descriptor => a.Descriptor!.Get.Repr(),
        AttributeKind.Property => a.Value!.Repr(),
        AttributeKind.Method or AttributeKind.ClassMethod => $"bound method {a.Owner}.{a.Name}",
        AttributeKind.StaticMethod => $"function {a.Owner}.{a.Name}",
        _ => a.Value!.Repr(),
    };
}
