namespace Pynsights.Simulation;

/// <summary>A documented bound on a simulator input (list length, text length, magnitude...).</summary>
public sealed record InputLimit(string Name, long Value, string Description);
