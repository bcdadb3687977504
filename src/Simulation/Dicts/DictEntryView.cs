using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Dicts;

/// <summary>One live entry of <c>dk_entries</c>: the key's and value's <c>repr</c> and the hash (written as decimal text: it exceeds 2^53).</summary>
public sealed record DictEntryView(string Key, [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] long Hash, string Value);
