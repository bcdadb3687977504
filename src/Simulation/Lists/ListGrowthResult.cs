using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Lists;

/// <summary>One <see cref="ListSizes"/> for the initial list and one per completed operation; <c>error</c> when an operation raised.</summary>
public sealed record ListGrowthResult(
    IReadOnlyList<ListSizes> States,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PythonError? Error);
