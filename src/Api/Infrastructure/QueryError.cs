using Microsoft.AspNetCore.Http.HttpResults;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Why a query (REST or GraphQL) cannot be answered: the same error reaches both transports, as problem details in
/// REST and as a GraphQL error with <c>extensions.code</c>.
/// </summary>
public sealed record QueryError(QueryErrorKind Kind, string Field, string Message, long? Limit = null)
{
    public static QueryError Parameter(string field, string message, long? limit = null) =>
        new(QueryErrorKind.InvalidParameter, field, message, limit);

    public static QueryError Cursor(string field, string message) => new(QueryErrorKind.InvalidCursor, field, message);

    /// <summary>The GraphQL <c>extensions.code</c> of this error.</summary>
    public string Code => Kind switch
    {
        QueryErrorKind.InvalidCursor => "INVALID_CURSOR",
        _ => "INVALID_ARGUMENT",
    };

    public ProblemHttpResult ToProblem() => Kind switch
    {
        QueryErrorKind.InvalidCursor => Problems.InvalidCursor(Field, Message),
        _ => Problems.InvalidParameter(Field, Message, Limit),
    };
}
