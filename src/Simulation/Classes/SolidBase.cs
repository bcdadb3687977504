namespace Pynsights.Simulation.Classes;

/// <summary>A base and its <c>solid_base</c>: the class whose C layout its instances have.</summary>
public sealed record SolidBase(string Base, string Solid);
