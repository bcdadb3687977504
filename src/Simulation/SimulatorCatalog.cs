using System.Collections.Frozen;
using Pynsights.Simulation.Attributes;
using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Classes;
using Pynsights.Simulation.Closures;
using Pynsights.Simulation.Defaults;
using Pynsights.Simulation.Dicts;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Lists;
using Pynsights.Simulation.Matching;
using Pynsights.Simulation.Operators;
using Pynsights.Simulation.Sets;
using Pynsights.Simulation.Slicing;

namespace Pynsights.Simulation;

/// <summary>The simulators Pynsights ships, by id.</summary>
public sealed class SimulatorCatalog
{
    private readonly FrozenDictionary<string, ISimulator> _byId;

    public SimulatorCatalog(IEnumerable<ISimulator> simulators)
    {
        All = [.. simulators.OrderBy(s => s.Descriptor.Id, StringComparer.Ordinal)];
        _byId = All.ToFrozenDictionary(s => s.Descriptor.Id, StringComparer.Ordinal);
    }

    /// <summary>The built-in simulators.</summary>
    public static SimulatorCatalog Default { get; } = new(
    [
        new HashSimulator(),
        new DictProbingSimulator(),
        new SetProbingSimulator(),
        new ListGrowthSimulator(),
        new SlicingSimulator(),
        new CallBindingSimulator(),
        new MroSimulator(),
        new AttributeLookupSimulator(),
        new ClosuresSimulator(),
        new MutableDefaultsSimulator(),
        new OperatorDispatchSimulator(),
        new PatternMatchingSimulator(),
    ]);

    public IReadOnlyList<ISimulator> All { get; }

    public ISimulator? Find(string id) => _byId.GetValueOrDefault(id);

    public bool Contains(string id) => _byId.ContainsKey(id);
}
