using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// A class of the source: single inheritance, and special methods that each return a constant or
/// <c>NotImplemented</c> (null). Lookup walks the MRO as <c>_PyType_Lookup</c> does.
/// </summary>
internal sealed class UserClass(string name, UserClass? @base, IReadOnlyDictionary<string, PyValue?> methods)
{
    public string Name { get; } = name;

    public UserClass? Base { get; } = @base;

    public IReadOnlyDictionary<string, PyValue?> Methods { get; } = methods;

    public IEnumerable<UserClass> Mro()
    {
        for (var c = this; c is not null; c = c.Base)
        {
            yield return c;
        }
    }

    /// <summary>The class in the MRO that defines <paramref name="dunder"/>, or null (object's own are not listed).</summary>
    public UserClass? Owner(string dunder) => Mro().FirstOrDefault(c => c.Methods.ContainsKey(dunder));

    public bool IsSubtypeOf(UserClass other) => Mro().Contains(other);
}
