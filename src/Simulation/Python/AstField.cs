namespace Pynsights.Simulation.Python;

/// <summary>One named field of an <see cref="AstNode"/>.</summary>
public readonly record struct AstField(string Name, object? Value);
