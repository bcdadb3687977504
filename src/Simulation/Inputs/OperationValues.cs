using System.Text.Json;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Inputs;

/// <summary>
/// Reads the <c>key</c>/<c>value</c> texts of a list of operations through an <see cref="InputReader"/>, evaluating
/// each distinct text once (values are immutable, and no key Pynsights accepts depends on object identity) and
/// hashing keys for the simulated version. A key whose hash CPython derives from its address is refused here.
/// </summary>
internal sealed class OperationValues(InputReader reader, PyHasher hasher, int maxLength)
{
    private readonly Dictionary<string, Evaluated> _evaluated = new(StringComparer.Ordinal);

    /// <summary>A text's value, and once asked for, its hash (or hashing error, or why it is refused) and repr.</summary>
    private sealed class Evaluated(ParsedValue parsed)
    {
        public ParsedValue Parsed { get; } = parsed;

        public bool Hashed { get; set; }

        public long Hash { get; set; }

        public PythonError? Error { get; set; }

        public string? Problem { get; set; }

        public string? Repr { get; set; }
    }

    /// <summary>The text of <paramref name="name"/>, reporting it when missing but required or present but not allowed.</summary>
    public string? Text(JsonElement item, string name, string field, bool allowed, bool required)
    {
        var path = InputReader.Join(field, name);
        if (InputReader.Property(item, name) is null)
        {
            if (required)
            {
                reader.Report(path, "is required for this operation.");
            }

            return null;
        }

        if (!allowed)
        {
            reader.Report(path, "is not used by this operation.");
            return null;
        }

        return reader.String(item, name, path, maxLength);
    }

    public ParsedValue? Parse(string text, string field)
    {
        if (_evaluated.TryGetValue(text, out var hit))
        {
            return hit.Parsed;
        }

        var parsed = reader.PythonText(text, field, hasher);
        if (parsed is not null)
        {
            _evaluated[text] = new Evaluated(parsed);
        }

        return parsed;
    }

    /// <summary>The repr of the value of <paramref name="text"/> (already parsed without error), computed once.</summary>
    public string Repr(string text)
    {
        var known = _evaluated[text];
        return known.Repr ??= known.Parsed.Value!.Repr();
    }

    /// <summary>
    /// The hash of the key written as <paramref name="text"/> (already parsed), or the error hashing raises
    /// (unhashable). A key whose evaluation raises gets (0, null): the run raises that error before hashing.
    /// </summary>
    public (long Hash, PythonError? Error) Hash(string text, string field)
    {
        var known = _evaluated[text];
        if (known.Parsed.Value is not { } value)
        {
            return (0, null);
        }

        if (!known.Hashed)
        {
            var outcome = hasher.Hash(value);
            known.Hashed = true;
            known.Hash = outcome.Hash ?? 0;
            known.Error = outcome.Error;
            if (outcome is { Hash: null, Error: null })
            {
                known.Problem = $"{value.Repr()} hashes by its address in CPython {hasher.Version} ({outcome.Explanation}), so the slot it lands in cannot be reproduced; use another key.";
            }
        }

        if (known.Problem is { } problem)
        {
            reader.Report(field, problem);
        }

        return (known.Hash, known.Error);
    }
}
