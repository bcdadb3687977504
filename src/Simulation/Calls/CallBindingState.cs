namespace Pynsights.Simulation.Calls;

/// <summary>
/// The frame being filled after a step: the parameter slots, the positional arguments the call passes (after any
/// <c>*</c> unpacking), the keyword names and values (<c>kwnames</c>, after any <c>**</c> merge) and, when the
/// function has them, the <c>*args</c> tuple and the <c>**kwargs</c> dict so far. At most 64 parameters and 256
/// arguments, so a step is always a whole snapshot.
/// </summary>
public sealed record CallBindingState(
    IReadOnlyList<ParameterSlot> Parameters,
    IReadOnlyList<string> Positional,
    IReadOnlyList<KeywordArgument> Keywords,
    IReadOnlyList<string>? VarArgs,
    IReadOnlyList<KeywordArgument>? VarKeywords);
