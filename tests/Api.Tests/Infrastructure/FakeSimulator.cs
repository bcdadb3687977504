using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>A simulator that exists only by id, for catalog tests.</summary>
public sealed class FakeSimulator(string id, params string[] topics) : ISimulator
{
    public SimulatorDescriptor Descriptor { get; } =
        new(id, id, id, topics, PythonVersion.All, 1, new JsonObject(), [], []);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        problems = [new InputProblem("", "fake")];
        return null;
    }
}
