namespace Pynsights.Simulation.Dicts;

/// <summary>One live entry of <c>dk_entries</c>: the key's and value's <c>repr</c> and the hash (decimal text, it exceeds 2^53).</summary>
public sealed record DictEntryView(string Key, string Hash, string Value);
