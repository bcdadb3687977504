using System.Text.Json.Nodes;
using Pynsights.Simulation;

namespace Pynsights.Api.Simulations;

/// <summary>A simulator whole: what it shows, the JSON Schema of its input, its limits and example inputs.</summary>
/// <param name="Id">Stable id, used in URLs.</param>
/// <param name="Title">Human title.</param>
/// <param name="Summary">What a trace shows.</param>
/// <param name="Topics">Topic ids it serves.</param>
/// <param name="PythonVersions">Versions it models.</param>
/// <param name="DefaultPythonVersion">The version used when a request names none.</param>
/// <param name="LogicVersion">Bumped whenever its output changes; part of every trace id.</param>
/// <param name="InputSchema">JSON Schema (2020-12) of <c>input</c>.</param>
/// <param name="Limits">Documented input limits.</param>
/// <param name="Examples">Valid example inputs.</param>
public sealed record SimulatorResponse(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PythonVersions,
    string DefaultPythonVersion,
    int LogicVersion,
    JsonObject InputSchema,
    IReadOnlyList<InputLimit> Limits,
    IReadOnlyList<JsonObject> Examples)
{
    public static SimulatorResponse From(SimulatorDescriptor d) => new(
        d.Id, d.Title, d.Summary, d.Topics, [.. d.PythonVersions.Select(v => v.ToString())], PythonVersion.Default.ToString(),
        d.LogicVersion, d.InputSchema, d.Limits, d.Examples);
}
