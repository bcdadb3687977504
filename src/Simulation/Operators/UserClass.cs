namespace Pynsights.Simulation.Operators;

/// <summary>
/// A class of the source: its special methods, and its MRO as the mro simulator's C3 merge computed it (object
/// left out: its own methods are modelled by the run). Lookup walks the MRO as <c>_PyType_Lookup</c> does.
/// </summary>
internal sealed class UserClass
{
    private readonly List<UserClass> _mro;

    public UserClass(string name, IReadOnlyDictionary<string, MethodBody> methods, IEnumerable<UserClass> mroTail)
    {
        Name = name;
        Methods = methods;
        _mro = [this, .. mroTail];
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, MethodBody> Methods { get; }

    /// <summary><c>tp_mro</c> without object.</summary>
    public IReadOnlyList<UserClass> Mro => _mro;

    /// <summary>The class in the MRO that defines <paramref name="dunder"/>, or null (object's own are not listed).</summary>
    public UserClass? Owner(string dunder) => _mro.FirstOrDefault(c => c.Methods.ContainsKey(dunder));

    /// <summary><c>PyType_IsSubtype</c>: <paramref name="other"/> is in this class's MRO.</summary>
    public bool IsSubtypeOf(UserClass other) => _mro.Contains(other);
}
