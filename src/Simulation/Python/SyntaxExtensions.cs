namespace Pynsights.Simulation.Python;

/// <summary>
/// Statements beyond the common subset that a simulator models and asks the parser for; every other simulator gets
/// CPython's syntax checked and a "not supported" diagnostic for them.
/// </summary>
[Flags]
public enum SyntaxExtensions
{
    None = 0,

    /// <summary><c>raise</c> statements (attribute-lookup's <c>__getattribute__</c> and <c>__getattr__</c>).</summary>
    Raise = 1,

    /// <summary><c>import a.b as c</c> and <c>from a import b as c</c>, absolute and without <c>*</c> (closures runs them).</summary>
    Imports = 2,
}
