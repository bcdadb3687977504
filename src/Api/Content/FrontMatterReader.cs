using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pynsights.Api.Content;

/// <summary>
/// Reads YAML mappings field by field through YamlDotNet's representation model, so every problem is reported at
/// the line of the node that causes it. Collects errors rather than throwing.
/// </summary>
internal sealed partial class FrontMatterReader(string file, int lineOffset, List<ContentError> errors)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex Slug();

    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    public void Error(YamlNode node, string message) => errors.Add(new ContentError(file, LineOf(node), message));

    public void Error(int line, string message) => errors.Add(new ContentError(file, line + lineOffset, message));

    /// <summary>Parses <paramref name="yaml"/>; reports a syntax error at its line and returns null.</summary>
    public YamlNode? Parse(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                Error(1, "the YAML is empty.");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            Error((int)e.Start.Line, $"invalid YAML: {reason}");
            return null;
        }
    }

    /// <summary>Checks that <paramref name="node"/> is a mapping holding only <paramref name="known"/> keys.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string what, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping.");
            return null;
        }

        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name))
            {
                Error(key, $"unknown field '{key}' in {what}; expected: {string.Join(", ", known)}.");
            }
        }

        return mapping;
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A required non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public string? String(YamlMappingNode mapping, string key, int maxLength, bool required = true)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Error(mapping, $"missing required field '{key}'.");
            }

            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"'{key}' must be a non-empty string.");
            return null;
        }

        if (value.Length > maxLength)
        {
            Error(node, $"'{key}' is {value.Length} characters long; the limit is {maxLength}.");
            return null;
        }

        return value.Trim();
    }

    public string? Slug(YamlMappingNode mapping, string key)
    {
        var value = String(mapping, key, 64);
        if (value is not null && !Slug().IsMatch(value))
        {
            Error(Child(mapping, key)!, $"'{key}' must be lower-case words joined by '-' (got '{value}').");
            return null;
        }

        return value;
    }

    public int? Integer(YamlMappingNode mapping, string key, int min, int max)
    {
        var text = String(mapping, key, 16);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Error(Child(mapping, key)!, $"'{key}' must be a whole number from {min} to {max} (got '{text}').");
            return null;
        }

        return value;
    }

    /// <summary>The items of a sequence field; an absent field is an error when <paramref name="required"/>, else empty.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode mapping, string key, int maxItems, bool required = true)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Error(mapping, $"missing required field '{key}' (use [] for none).");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list.");
            return [];
        }

        if (sequence.Children.Count > maxItems)
        {
            Error(node, $"'{key}' has {sequence.Children.Count} items; the limit is {maxItems}.");
            return [];
        }

        return [.. sequence.Children];
    }

    /// <summary>A list of slugs, each unique within the list.</summary>
    public IReadOnlyList<(string Id, YamlNode Node)> SlugList(YamlMappingNode mapping, string key, int maxItems)
    {
        var result = new List<(string, YamlNode)>();
        foreach (var item in Sequence(mapping, key, maxItems))
        {
            if (item is not YamlScalarNode { Value: { } value } || !Slug().IsMatch(value))
            {
                Error(item, $"each item of '{key}' must be lower-case words joined by '-' (got '{item}').");
            }
            else if (result.Exists(r => r.Item1 == value))
            {
                Error(item, $"'{value}' is listed twice in '{key}'.");
            }
            else
            {
                result.Add((value, item));
            }
        }

        return result;
    }
}
