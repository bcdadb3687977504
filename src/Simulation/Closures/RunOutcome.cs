namespace Pynsights.Simulation.Closures;

/// <summary>
/// What running the module shows, every repr with its " at 0x…" address left out: <c>output</c>, the lines
/// <c>print</c> wrote; <c>globals</c>, each module-level name the source bound, in binding order, with its repr;
/// <c>functionObjects</c>, every function reachable from those globals (through lists, tuples, dicts, function
/// <c>__dict__</c>s such as <c>__wrapped__</c>, and closure cells) with its metadata and closure; <c>calls</c>, every
/// call of a function defined in the source, in the order they finished; <c>decorators</c>, each decorator
/// evaluated and applied, in CPython's order; <c>exception</c>, what ended the run early, if anything.
/// </summary>
public sealed record RunOutcome(
    IReadOnlyList<string> Output,
    IReadOnlyDictionary<string, string> Globals,
    IReadOnlyList<FunctionReport> FunctionObjects,
    IReadOnlyList<CallRecord> Calls,
    IReadOnlyList<DecoratorEvent> Decorators,
    PythonError? Exception);
