namespace Pynsights.Simulation.Lists;

/// <summary>One entry of the result: what len(), the allocated field and sys.getsizeof show.</summary>
public sealed record ListSizes(long Len, long Allocated, long Getsizeof);
