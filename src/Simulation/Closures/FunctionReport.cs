namespace Pynsights.Simulation.Closures;

/// <summary>
/// One function object at the end of the run: <c>path</c>, how it is first reached from the globals (e.g.
/// <c>fns[1]</c>, <c>add.__wrapped__</c>, <c>f.__closure__[0].cell_contents</c>); <c>__name__</c>,
/// <c>__qualname__</c>; the reprs of <c>__doc__</c> and <c>__module__</c>; its <c>__dict__</c> (name to repr, where
/// functools.wraps leaves <c>__wrapped__</c>); and its <c>__closure__</c>, one cell per free variable.
/// </summary>
public sealed record FunctionReport(
    string Path,
    string Name,
    string Qualname,
    string Doc,
    string Module,
    IReadOnlyDictionary<string, string> Dict,
    IReadOnlyList<ClosureCell> Closure);
