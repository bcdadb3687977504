using System.Text.Json;

namespace Pynsights.Api.Traces;

/// <summary>A trace: what was simulated, how many steps it has, and the result to check against CPython.</summary>
/// <param name="Id">Deterministic id: the same simulator, version and input always give the same id.</param>
/// <param name="Simulator">The simulator id.</param>
/// <param name="PythonVersion">The Python version modelled.</param>
/// <param name="LogicVersion">The simulator's logic version that produced it.</param>
/// <param name="Input">The input in canonical form (defaults filled in).</param>
/// <param name="StepCount">Number of steps.</param>
/// <param name="Result">The final facts (shape documented per simulator).</param>
/// <param name="CreatedAt">When it was generated.</param>
/// <param name="Links">Where its steps are.</param>
public sealed record TraceResponse(
    string Id,
    string Simulator,
    string PythonVersion,
    int LogicVersion,
    JsonElement Input,
    int StepCount,
    JsonElement Result,
    DateTimeOffset CreatedAt,
    TraceLinks Links)
{
    public static TraceResponse From(TraceManifest manifest) => new(
        manifest.Id,
        manifest.Simulator,
        manifest.PythonVersion,
        manifest.LogicVersion,
        JsonDocument.Parse(manifest.Input).RootElement,
        manifest.StepCount,
        JsonDocument.Parse(manifest.Result).RootElement,
        manifest.CreatedAt,
        new TraceLinks($"/api/v1/traces/{manifest.Id}", $"/api/v1/traces/{manifest.Id}/steps"));
}

/// <summary>Links of a trace.</summary>
public sealed record TraceLinks(string Self, string Steps);
