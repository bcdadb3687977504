using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// One closures trace: symtable.c's passes over the source (each block's names and the scope each gets: local,
/// cell, free, global), then the code object of every def and lambda with its co_varnames, co_cellvars and
/// co_freevars — where a closure keeps its variables.
/// </summary>
internal sealed class ClosuresRun(JsonObject canonicalInput, PythonVersion version, AstNode module) : SimulationRun(canonicalInput)
{
    private ClosuresResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        var steps = new List<Step>();
        var (root, error) = SymbolTable.Build(module);
        if (error is null)
        {
            Blocks(root, steps, ClosuresSource.AnalyzeBlock(version));
        }

        IReadOnlyList<CodeObject>? functions = null;
        if (error is null)
        {
            var layout = new CodeLayout(version);
            functions = layout.Lay(root, module);
            error = layout.Error;
        }

        if (error is not null)
        {
            _result = new ClosuresResult(null, error);
            steps.Add(new Step(steps.Count, "exception", $"SyntaxError: {error.Message}",
                new ClosuresState("<module>", new Dictionary<string, string>()), [], null));
            return steps;
        }

        foreach (var code in functions!)
        {
            steps.Add(new Step(steps.Count, "code",
                $"{code.Name}: co_varnames = ({string.Join(", ", code.Varnames)}), co_cellvars = ({string.Join(", ", code.Cellvars)}), co_freevars = ({string.Join(", ", code.Freevars)}).",
                new ClosuresState(code.Name, new Dictionary<string, string>()), [.. code.Cellvars, .. code.Freevars], ClosuresSource.LocalsPlus(version)));
        }

        _result = new ClosuresResult(functions, null);
        return steps;
    }

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
