namespace Pynsights.Simulation.Classes;

/// <summary>One <c>class Name(Base, ...)</c> statement of the source, with the names its bases are written as.</summary>
internal sealed record ClassStatement(string Name, IReadOnlyList<string> BaseNames, int Line);
