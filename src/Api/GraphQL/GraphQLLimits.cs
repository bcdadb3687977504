using System.ComponentModel.DataAnnotations;

namespace Pynsights.Api.GraphQL;

/// <summary>Configuration section <c>GraphQL</c>: the bounds every GraphQL request must keep.</summary>
public sealed class GraphQLLimits
{
    public const string SectionName = "GraphQL";

    /// <summary>Bytes in a POST body (or in a GET URL's query string).</summary>
    [Range(256, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Nesting depth of selections.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 12;

    /// <summary>Complexity as GraphQL.NET's analyzer counts it (each field 1, lists multiplied by their page size).</summary>
    [Range(1, 1_000_000)]
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Aliased fields in one document.</summary>
    [Range(0, 1000)]
    public int MaxAliases { get; set; } = 30;
}
