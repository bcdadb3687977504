using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// One closures trace: symtable.c's passes over the source (each block's names and the scope each gets: local,
/// cell, free, global), then the code object of every def and lambda with its co_varnames, co_cellvars and
/// co_freevars — where a closure keeps its variables — then the module run: functions made with their cells,
/// decorators evaluated and applied, calls, and every store into a cell that closures share.
/// </summary>
internal sealed class ClosuresRun : SimulationRun
{
    private readonly List<Step> _steps;
    private readonly ClosuresResult _result;

    /// <summary>Computes the whole trace; <see cref="NotSupported"/> escapes to the simulator, which reports it as an input problem.</summary>
    public ClosuresRun(JsonObject canonicalInput, PythonVersion version, string source, AstNode module) : base(canonicalInput)
    {
        _steps = [];
        var (root, error) = SymbolTable.Build(module);
        if (error is null)
        {
            Blocks(root, _steps, ClosuresSource.AnalyzeBlock(version));
        }

        IReadOnlyList<CodeObject>? functions = null;
        CodeLayout? layout = null;
        if (error is null)
        {
            layout = new CodeLayout(version);
            functions = layout.Lay(root, module);
            error = layout.Error;
        }

        if (error is not null)
        {
            _result = new ClosuresResult(null, error, null);
            _steps.Add(new Step(_steps.Count, "exception", $"SyntaxError: {error.Message}",
                new ClosuresState("<module>", new Dictionary<string, string>()), [], null));
            return;
        }

        foreach (var code in functions!)
        {
            _steps.Add(new Step(_steps.Count, "code",
                $"{code.Name}: co_varnames = ({string.Join(", ", code.Varnames)}), co_cellvars = ({string.Join(", ", code.Cellvars)}), co_freevars = ({string.Join(", ", code.Freevars)}).",
                new ClosuresState(code.Name, new Dictionary<string, string>()), [.. code.Cellvars, .. code.Freevars], ClosuresSource.LocalsPlus(version)));
        }

        if (version.AtLeast(14))
        {
            // 3.14 changed messages and functools (e.g. __annotate__ in WRAPPER_ASSIGNMENTS) that no 3.14 oracle
            // here has checked: no run rather than a wrong one.
            _steps.Add(new Step(_steps.Count, "result", "The run is modelled for Python 3.10 to 3.13; for 3.14 the result shows the analysis only.",
                new ClosuresState("<module>", new Dictionary<string, string>()), [], null));
            _result = new ClosuresResult(functions, null, null);
            return;
        }

        var run = new Evaluator(version, source, root, layout!, _steps).Run(module);
        _result = new ClosuresResult(functions, null, run);
    }

    public override object Result => _result;

    public override IEnumerable<Step> Steps() => _steps;

    private static void Blocks(Scope scope, List<Step> steps, SourceLocation? source)
    {
        if (scope.IsFunction)
        {
            var scopes = scope.Order.ToDictionary(n => n, n => scope.Scopes.GetValueOrDefault(n, "LOCAL"), StringComparer.Ordinal);
            var cells = scopes.Where(p => p.Value == "CELL").Select(p => p.Key).ToList();
            var free = scopes.Where(p => p.Value == "FREE").Select(p => p.Key).ToList();
            steps.Add(new Step(steps.Count, "block",
                $"{scope.Qualname}: " + string.Join(", ", scopes.Select(p => $"{p.Key} is {p.Value.ToLowerInvariant().Replace('_', ' ')}"))
                + (cells.Count > 0 ? $"; {string.Join(", ", cells)} live in cells because a nested function uses them" : "")
                + (free.Count > 0 ? $"; {string.Join(", ", free)} come from an enclosing function's cells" : "") + ".",
                new ClosuresState(scope.Qualname, scopes), [.. cells, .. free], source));
        }

        foreach (var child in scope.Children)
        {
            Blocks(child, steps, source);
        }
    }
}
