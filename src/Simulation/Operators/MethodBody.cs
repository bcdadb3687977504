using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// What one special method of the source does. <paramref name="Value"/> is the returned constant (or
/// <see cref="NotImplemented"/>) for <see cref="BodyKind.Return"/>; <paramref name="Sequence"/> (<c>list</c> or
/// <c>tuple</c>) and <paramref name="Items"/> describe the display that <see cref="BodyKind.ReturnIterator"/>
/// iterates or <see cref="BodyKind.ReturnItem"/> indexes.
/// </summary>
internal sealed record MethodBody(BodyKind Kind, PyValue? Value, string? Sequence, IReadOnlyList<PyValue> Items)
{
    /// <summary>The <c>NotImplemented</c> singleton; every other return is a constant of the source.</summary>
    public static readonly PyValue NotImplemented = new PyUnhashable("NotImplementedType", "NotImplemented");

    public static readonly MethodBody SetToNone = new(BodyKind.None, null, null, []);

    public static MethodBody Returns(PyValue value) => new(BodyKind.Return, value, null, []);

    /// <summary>The source text of the body, for messages: <c>return iter([1, 2])</c>, <c>return (5, 6)[index]</c>.</summary>
    public string Describe() => Kind switch
    {
        BodyKind.Return => $"return {Value!.Repr()}",
        BodyKind.ReturnIterator => $"return iter({Display()})",
        BodyKind.ReturnItem => $"return {Display()}[index]",
        _ => "None",
    };

    /// <summary>The list or tuple display, as CPython prints it.</summary>
    public string Display() => Sequence == "list"
        ? "[" + string.Join(", ", Items.Select(i => i.Repr())) + "]"
        : new PyTuple(Items).Repr();
}
