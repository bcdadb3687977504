using System.Globalization;

namespace Pynsights.Api.Infrastructure;

/// <summary>Reads and checks a <c>first</c> page size: 1 to the configured maximum, the default when absent.</summary>
public static class PageRequest
{
    /// <summary>The page size, or the problem with it.</summary>
    public static (int Size, QueryError? Error) Size(string? first, ApiLimits limits, string field = "first")
    {
        if (string.IsNullOrEmpty(first))
        {
            return (limits.DefaultPageSize, null);
        }

        if (!int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size)
            || size < 1 || size > limits.MaxPageSize)
        {
            return (0, QueryError.Parameter(field, $"'{field}' must be a whole number from 1 to {limits.MaxPageSize} (got '{first}').", limits.MaxPageSize));
        }

        return (size, null);
    }
}
