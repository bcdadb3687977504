namespace Pynsights.Simulation.Calls;

/// <summary>A keyword passed to the function (<c>kwnames[i]</c> and its value), both as reprs.</summary>
public sealed record KeywordArgument(string Name, string Value);
