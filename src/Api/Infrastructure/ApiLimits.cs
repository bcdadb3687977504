using System.ComponentModel.DataAnnotations;

namespace Pynsights.Api.Infrastructure;

/// <summary>Configuration section <c>Limits</c>: every bound the API enforces on its inputs (listed in the README).</summary>
public sealed class ApiLimits
{
    public const string SectionName = "Limits";

    /// <summary>Items on a page when <c>first</c> is not given.</summary>
    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> a listing accepts.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Characters in a search query <c>q</c>.</summary>
    [Range(1, 10_000)]
    public int MaxSearchLength { get; set; } = 200;

    /// <summary>Words in a search query <c>q</c>.</summary>
    [Range(1, 100)]
    public int MaxSearchTerms { get; set; } = 10;

    /// <summary>Bytes in any request body outside GraphQL and trace requests.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Bytes in a trace request (<c>POST /api/v1/simulations/{id}/traces</c>): operation lists can be long.</summary>
    [Range(1024, 512 * 1024 * 1024)]
    public long MaxTraceRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
