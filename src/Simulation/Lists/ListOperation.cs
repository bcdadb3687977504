using System.Numerics;

namespace Pynsights.Simulation.Lists;

/// <summary>A validated operation: <c>count</c> repetitions, <c>index</c> for insert/pop, <c>from</c> for extend.</summary>
internal sealed record ListOperation(string Op, long Count, BigInteger Index, string From);
