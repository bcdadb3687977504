namespace Pynsights.Simulation.Matching;

/// <summary>Code outside the modelled subset, met while running; the simulator's dry run reports it as an input problem.</summary>
#pragma warning disable CA1064 // internal control flow, never seen by callers
internal sealed class NotModelled(string what) : Exception(what);
#pragma warning restore CA1064
