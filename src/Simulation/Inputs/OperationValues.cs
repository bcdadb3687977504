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
    private readonly Dictionary<string, ParsedValue> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<ParsedValue, (long Hash, PythonError? Error, string? Problem)> _hashes = new(ReferenceEqualityComparer.Instance);

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
        if (_parsed.TryGetValue(text, out var hit))
        {
            return hit;
        }

        var parsed = reader.PythonText(text, field, hasher);
        if (parsed is not null)
        {
            _parsed[text] = parsed;
        }

        return parsed;
    }

    /// <summary>
    /// The key's hash, or the error hashing raises (unhashable). A key whose evaluation raises gets (0, null): the
    /// run raises that error before hashing.
    /// </summary>
    public (long Hash, PythonError? Error) Hash(ParsedValue key, string field)
    {
        if (key.Value is not { } value)
        {
            return (0, null);
        }

        if (!_hashes.TryGetValue(key, out var known))
        {
            var outcome = hasher.Hash(value);
            known = outcome switch
            {
                { Error: { } error } => (0, error, null),
                { Hash: { } hash } => (hash, null, null),
                _ => (0, null,
                    $"{value.Repr()} hashes by its address in CPython {hasher.Version} ({outcome.Explanation}), so the slot it lands in cannot be reproduced; use another key."),
            };
            _hashes[key] = known;
        }

        if (known.Problem is { } problem)
        {
            reader.Report(field, problem);
        }

        return (known.Hash, known.Error);
    }
}
