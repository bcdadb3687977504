using System.Numerics;

namespace Pynsights.Simulation.Operators;

/// <summary>An operand: a fresh instance of a source class (<c>A()</c>) or an int literal.</summary>
internal sealed record Operand(UserClass? Class, BigInteger? Int, string Text)
{
    public string TypeName => Class?.Name ?? "int";
}
