using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Sets;

/// <summary>
/// A validated set operation: the evaluated key with its hash (or the error hashing raises) and the Python call.
/// <see cref="Frozen"/> is the frozenset that <c>discard</c>, <c>remove</c> and <c>in</c> retry with when the key
/// is a set (<c>set_contains</c>, <c>set_discard</c>, <c>set_remove</c> in Objects/setobject.c), with its hash.
/// </summary>
internal sealed record SetOperation(SetOp Op, string Call, ParsedValue? Key, long Hash, PythonError? HashError, PyFrozenSet? Frozen, long FrozenHash);
