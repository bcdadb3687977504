using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Defaults;

/// <summary>One mutable-defaults trace: the defs run once, then each call in order.</summary>
internal sealed class MutableDefaultsRun(
    JsonObject canonicalInput,
    PythonVersion version,
    string source,
    AstNode module,
    IReadOnlyList<(string Text, AstNode Call)> calls,
    int maxItems) : SimulationRun(canonicalInput)
{
    private MutableDefaultsResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    /// <summary>Runs everything; <see cref="NotModelled"/> escapes to the caller (the simulator's dry run).</summary>
    public Interpreter Execute()
    {
        var interpreter = new Interpreter(version, source, maxItems);
        interpreter.DefineAll(module);
        foreach (var (text, call) in calls)
        {
            interpreter.Call(text, call);
        }

        return interpreter;
    }

    public override IEnumerable<Step> Steps()
    {
        // The program is small and bounded by the input limits; it was already run once (dry) by Prepare.
        var interpreter = Execute();
        _result = new MutableDefaultsResult(interpreter.Outcomes);
        return interpreter.Steps;
    }
}
