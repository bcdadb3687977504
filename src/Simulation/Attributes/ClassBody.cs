namespace Pynsights.Simulation.Attributes;

/// <summary>
/// A class statement of the source as read before it runs: its bases as written, its dict, its <c>__slots__</c>
/// (null when it has none), its attribute hooks, and, when it defines <c>__get__</c>, what its instances are as
/// descriptors.
/// </summary>
internal sealed record ClassBody(
    string Name,
    IReadOnlyList<string> BaseNames,
    int Line,
    Dictionary<string, Attribute> Dict,
    IReadOnlyList<string>? Slots,
    Hook? Getattr,
    Hook? Getattribute,
    DescriptorClass? AsDescriptor);
