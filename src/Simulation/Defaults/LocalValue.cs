namespace Pynsights.Simulation.Defaults;

/// <summary>A name and the object it is bound to: its repr and, for lists, dicts and tuples, its identity.</summary>
public sealed record LocalValue(string Name, string Value, int? Object);
