using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>A class of the source: single inheritance, its dict, its __slots__ (null when it has none) and __getattr__.</summary>
internal sealed class SourceClass(string name, SourceClass? @base, Dictionary<string, Attribute> dict, IReadOnlyList<string>? slots, PyValue? getattr, DescriptorClass? asDescriptor)
{
    public string Name { get; } = name;

    public SourceClass? Base { get; } = @base;

    public Dictionary<string, Attribute> Dict { get; } = dict;

    public IReadOnlyList<string>? Slots { get; } = slots;

    /// <summary>What <c>__getattr__</c> defined in this class returns.</summary>
    public PyValue? Getattr { get; } = getattr;

    /// <summary>Set when the class defines __get__: its instances are descriptors.</summary>
    public DescriptorClass? AsDescriptor { get; } = asDescriptor;

    public IEnumerable<SourceClass> Mro()
    {
        for (var c = this; c is not null; c = c.Base)
        {
            yield return c;
        }
    }

    /// <summary>_PyType_Lookup: the first class dict along the MRO holding the name.</summary>
    public Attribute? Lookup(string name) => Mro().Select(c => c.Dict.GetValueOrDefault(name)).FirstOrDefault(a => a is not null);

    /// <summary>Instances have a __dict__ unless every class of the MRO (object aside) declares __slots__.</summary>
    public bool InstancesHaveDict => Mro().Any(c => c.Slots is null);

    /// <summary>The class whose __getattr__ applies, if any.</summary>
    public SourceClass? GetattrOwner => Mro().FirstOrDefault(c => c.Getattr is not null);
}
