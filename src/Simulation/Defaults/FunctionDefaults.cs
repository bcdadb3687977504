namespace Pynsights.Simulation.Defaults;

/// <summary>
/// A function's <c>__defaults__</c> and <c>__kwdefaults__</c> as their reprs (null when None), with the
/// identities of the objects they hold: made once when the <c>def</c> ran, shared by every call.
/// </summary>
public sealed record FunctionDefaults(string Function, string? Defaults, string? KwDefaults, IReadOnlyList<int> Objects);
