using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>What kind of object a class dict holds under a name, as attribute lookup sees it.</summary>
internal enum AttributeKind
{
    /// <summary>A plain value (no __get__).</summary>
    Constant,

    /// <summary>An instance of a source class defining __get__ (and __set__ or __delete__ when data).</summary>
    Descriptor,

    /// <summary>A function: a non-data descriptor whose __get__ makes a bound method.</summary>
    Method,

    /// <summary>A property: a data descriptor calling its getter.</summary>
    Property,

    StaticMethod,
    ClassMethod,

    /// <summary>A member descriptor made for a __slots__ name: a data descriptor reading the instance's slot.</summary>
    Slot,
}

/// <summary>One entry of a class's <c>__dict__</c>.</summary>
internal sealed record Attribute(AttributeKind Kind, string Owner, string Name, PyValue? Value, DescriptorClass? Descriptor)
{
    /// <summary>PyDescr_IsData: the type of the object has tp_descr_set (__set__ or __delete__).</summary>
    public bool IsData => Kind is AttributeKind.Property or AttributeKind.Slot || (Kind == AttributeKind.Descriptor && Descriptor!.IsData);

    public bool HasGet => Kind != AttributeKind.Constant;
}

/// <summary>
/// A source class used as a descriptor: what its __get__ returns, whether it is a data descriptor (defines __set__
/// or __delete__) and whether it defines __set__ (a setattr through it then succeeds).
/// </summary>
internal sealed record DescriptorClass(string Name, PyValue Get, bool IsData, bool HasSet);
