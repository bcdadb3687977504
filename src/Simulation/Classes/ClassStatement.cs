namespace Pynsights.Simulation.Classes;

/// <summary>
/// One <c>class Name(Base, ...)</c> statement of the source, with the names its bases are written as, and the names
/// its body's <c>__slots__</c> declares (null when the body has no <c>__slots__</c>). The mro simulator never sets
/// them; attribute-lookup does, for classes whose bases are source classes or object.
/// </summary>
internal sealed record ClassStatement(string Name, IReadOnlyList<string> BaseNames, int Line, IReadOnlyList<string>? Slots = null);
