using System.Text.Json.Nodes;

namespace Pynsights.Simulation;

/// <summary>What a simulator is, for catalogs and documentation.</summary>
/// <param name="Id">Stable public id (<c>dict-probing</c>).</param>
/// <param name="Title">Human title.</param>
/// <param name="Summary">One or two sentences on what the trace shows.</param>
/// <param name="Topics">Topic ids the simulator serves.</param>
/// <param name="PythonVersions">Versions it models.</param>
/// <param name="LogicVersion">Bumped whenever the steps or result for some input change; part of the trace id.</param>
/// <param name="InputSchema">JSON Schema (draft 2020-12) of the input.</param>
/// <param name="Limits">Documented input limits.</param>
/// <param name="Examples">Example inputs, valid against the schema.</param>
public sealed record SimulatorDescriptor(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Topics,
    IReadOnlyList<PythonVersion> PythonVersions,
    int LogicVersion,
    JsonObject InputSchema,
    IReadOnlyList<InputLimit> Limits,
    IReadOnlyList<JsonObject> Examples);
