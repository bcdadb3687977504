using Pynsights.Simulation;

namespace Pynsights.Api.Simulations;

/// <summary>A simulator as listed.</summary>
public sealed record SimulatorSummaryResponse(
    string Id, string Title, string Summary, IReadOnlyList<string> Topics, IReadOnlyList<string> PythonVersions, int LogicVersion)
{
    public static SimulatorSummaryResponse From(SimulatorDescriptor d) =>
        new(d.Id, d.Title, d.Summary, d.Topics, [.. d.PythonVersions.Select(v => v.ToString())], d.LogicVersion);
}
