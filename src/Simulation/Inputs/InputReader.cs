using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Pynsights.Simulation.Inputs;

/// <summary>
/// Reads a simulator's JSON input field by field, collecting every problem (field path, message, limit) instead of
/// stopping at the first, so a client can show all of them at once. Never throws on bad input.
/// </summary>
public sealed class InputReader
{
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<InputProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public void Report(string field, string message, long? limit = null, int? column = null) =>
        _problems.Add(new InputProblem(field, message, limit, column));

    /// <summary>Checks that <paramref name="input"/> is an object with no properties outside <paramref name="known"/>.</summary>
    public bool Object(JsonElement input, string field, params ReadOnlySpan<string> known)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            Report(field, "must be a JSON object.");
            return false;
        }

        foreach (var property in input.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Report(Join(field, property.Name), $"is not a known field; expected one of: {string.Join(", ", known.ToArray())}.");
            }
        }

        return true;
    }

    /// <summary>Reports <paramref name="field"/> as missing unless the property is present and not null.</summary>
    public bool Require(JsonElement obj, string name, string field)
    {
        if (Property(obj, name) is not null)
        {
            return true;
        }

        Report(field, "is required.");
        return false;
    }

    /// <summary>
    /// A top-level string field that must be present: reports "is required." when absent, else reads it as
    /// <see cref="String"/> does (type and length checked). Null when absent or invalid.
    /// </summary>
    public string? RequiredString(JsonElement obj, string name, int maxLength) =>
        Require(obj, name, name) ? String(obj, name, name, maxLength) : null;

    /// <summary>The property, or null when absent or JSON null.</summary>
    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>An integer of any size (JSON number without fraction, or a decimal string), or null when absent.</summary>
    public BigInteger? Integer(JsonElement obj, string name, string field, int maxDigits = 4300)
    {
        if (Property(obj, name) is not { } value)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => null,
        };
        if (text is null)
        {
            Report(field, "must be an integer (a JSON number or a decimal string).");
            return null;
        }

        var digits = text.TrimStart('-', '+').Length;
        if (digits > maxDigits)
        {
            // CPython's own guard against quadratic int parsing (sys.int_info.default_max_str_digits).
            Report(field, $"has {digits} digits; the limit is {maxDigits}.", maxDigits);
            return null;
        }

        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            Report(field, "must be an integer without a fraction or exponent.");
            return null;
        }

        return parsed;
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>], or null when absent or invalid.</summary>
    public long? Int64(JsonElement obj, string name, string field, long min, long max)
    {
        if (Integer(obj, name, field, 20) is not { } value)
        {
            return null;
        }

        if (value < min || value > max)
        {
            Report(field, $"must be between {min} and {max}.", value < min ? min : max);
            return null;
        }

        return (long)value;
    }

    /// <summary>A string of at most <paramref name="maxLength"/> UTF-16 code units, or null when absent or invalid.</summary>
    public string? String(JsonElement obj, string name, string field, int maxLength)
    {
        if (Property(obj, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report(field, "must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Report(field, $"is {text.Length} characters long; the limit is {maxLength}.", maxLength);
            return null;
        }

        return text;
    }

    /// <summary>One of <paramref name="allowed"/>, or null when absent or invalid.</summary>
    public string? Choice(JsonElement obj, string name, string field, params ReadOnlySpan<string> allowed)
    {
        var text = String(obj, name, field, 64);
        if (text is not null && !allowed.Contains(text))
        {
            Report(field, $"must be one of: {string.Join(", ", allowed.ToArray())}.");
            return null;
        }

        return text;
    }

    /// <summary>The items of an array of at most <paramref name="maxItems"/> items, or null when absent or invalid.</summary>
    public IReadOnlyList<JsonElement>? Array(JsonElement obj, string name, string field, int maxItems)
    {
        if (Property(obj, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(field, "must be an array.");
            return null;
        }

        var count = value.GetArrayLength();
        if (count > maxItems)
        {
            Report(field, $"has {count} items; the limit is {maxItems}.", maxItems);
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    /// <summary>
    /// A Python value written as source text (a JSON string of at most <paramref name="maxLength"/> characters),
    /// evaluated for <paramref name="hasher"/>'s version; a typo is reported with its 1-based column. Returns null
    /// when absent or not accepted; a value whose evaluation raises in CPython comes back with its error.
    /// </summary>
    internal Values.ParsedValue? PythonValue(JsonElement element, string field, int maxLength, Hashing.PyHasher hasher)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Report(field, "must be a string holding Python source text, such as \"'abc'\" or \"(1, 2)\".");
            return null;
        }

        var text = element.GetString()!;
        if (text.Length > maxLength)
        {
            Report(field, $"is {text.Length} characters long; the limit is {maxLength}.", maxLength);
            return null;
        }

        return PythonText(text, field, hasher);
    }

    /// <summary>
    /// Evaluates Python source text already read (and length-checked) from <paramref name="field"/>; a typo is
    /// reported with its 1-based column and gives null.
    /// </summary>
    internal Values.ParsedValue? PythonText(string text, string field, Hashing.PyHasher hasher)
    {
        var parsed = Values.ValueParser.Parse(text, hasher);
        if (parsed.Diagnostic is { } diagnostic)
        {
            Report(field, $"{diagnostic.Message} (column {diagnostic.Column}).", null, diagnostic.Column);
            return null;
        }

        return parsed;
    }

    /// <summary>The field path of a property of <paramref name="parent"/> (JSON Pointer-like dotted path).</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The field path of item <paramref name="index"/> of <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
