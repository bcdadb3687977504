namespace Pynsights.Simulation.Attributes;

/// <summary>
/// A class of the source once type_new created it: its body and its MRO (the class first; object, always last, is
/// left out), computed by the mro simulator's C3 merge.
/// </summary>
internal sealed class SourceClass
{
    public SourceClass(ClassBody body, IEnumerable<SourceClass> mroTail, bool instancesHaveDict)
    {
        Body = body;
        Mro = [this, .. mroTail];
        InstancesHaveDict = instancesHaveDict;
    }

    public ClassBody Body { get; }

    public string Name => Body.Name;

    public IReadOnlyList<SourceClass> Mro { get; }

    /// <summary>tp_dictoffset != 0: the class or one of its bases lacks __slots__ (type_new_slots_bases).</summary>
    public bool InstancesHaveDict { get; }

    /// <summary>_PyType_Lookup: the first class dict along the MRO holding the name.</summary>
    public Attribute? Lookup(string name) => Mro.Select(c => c.Body.Dict.GetValueOrDefault(name)).FirstOrDefault(a => a is not null);

    /// <summary>The index in the MRO, from <paramref name="start"/> on, of the first class defining a hook.</summary>
    public int FindHook(Func<ClassBody, Hook?> hook, int start = 0)
    {
        for (var i = start; i < Mro.Count; i++)
        {
            if (hook(Mro[i].Body) is not null)
            {
                return i;
            }
        }

        return -1;
    }
}
