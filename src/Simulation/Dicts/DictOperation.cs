using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// A validated operation: the evaluated key (with its hash, or the error hashing it raises) and value, and the
/// Python call it stands for, with the reprs (computed once per distinct text; null when evaluation raises). <see cref="Value"/> is null where the call passes no value.
/// </summary>
internal sealed record DictOperation(DictOp Op, string Call, ParsedValue? Key, string? KeyRepr, long Hash, PythonError? HashError, ParsedValue? Value, string? ValueRepr)
{
    /// <summary>
    /// The entry this operation appends if its key is new (null when it has no value): made with the operation, so a
    /// long run allocates nothing per insert that outlives the step.
    /// </summary>
    public DictEntryView? Entry { get; } = KeyRepr is null || ValueRepr is null ? null : new DictEntryView(KeyRepr, Hash, ValueRepr);
}
