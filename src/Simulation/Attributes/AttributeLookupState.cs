namespace Pynsights.Simulation.Attributes;

/// <summary>After a step: the class whose dict is being looked at (null for the instance), and what was found.</summary>
public sealed record AttributeLookupState(string Name, string? Class, string? Found, IReadOnlyList<string> Mro, IReadOnlyDictionary<string, string>? InstanceDict);
