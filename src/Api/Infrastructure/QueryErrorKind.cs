namespace Pynsights.Api.Infrastructure;

/// <summary>The kinds of <see cref="QueryError"/>.</summary>
public enum QueryErrorKind
{
    InvalidParameter,
    InvalidCursor,
}
