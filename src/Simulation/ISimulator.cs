using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation;

/// <summary>
/// A pure, deterministic simulator: validated input and Python version in, a lazily produced sequence of steps and
/// a result out. Same input, same trace, on every machine.
/// </summary>
public interface ISimulator
{
    SimulatorDescriptor Descriptor { get; }

    /// <summary>
    /// Validates <paramref name="input"/> for <paramref name="version"/>. On success returns a run whose
    /// <see cref="SimulationRun.CanonicalInput"/> has every default filled in; otherwise null and the problems.
    /// </summary>
    SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems);
}

/// <summary>
/// A prepared simulation. <see cref="Steps"/> is produced lazily and may be enumerated once; <see cref="Result"/>
/// is available once the enumeration has completed.
/// </summary>
public abstract class SimulationRun
{
    protected SimulationRun(JsonObject canonicalInput) => CanonicalInput = canonicalInput;

    /// <summary>The input with defaults filled in and in canonical form; part of the trace id.</summary>
    public JsonObject CanonicalInput { get; }

    /// <summary>The steps, produced as they are enumerated.</summary>
    public abstract IEnumerable<Step> Steps();

    /// <summary>The final facts a learner checks against CPython; valid after <see cref="Steps"/> has been enumerated.</summary>
    public abstract object Result { get; }
}
