namespace Pynsights.Simulation.Hashing;

/// <summary>One observable point of a hash computation, turned into a step by the simulators.</summary>
/// <param name="Kind">Step kind (<c>int-mod</c>, <c>siphash-block</c>...).</param>
/// <param name="Message">One sentence for the learner.</param>
/// <param name="Variables">The intermediates at this point.</param>
/// <param name="Function">The CPython function doing it, a key of <see cref="CPythonSource"/>.</param>
internal sealed record HashEvent(string Kind, string Message, IReadOnlyList<HashVariable> Variables, string? Function);
