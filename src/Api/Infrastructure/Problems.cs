using Microsoft.AspNetCore.Http.HttpResults;

namespace Pynsights.Api.Infrastructure;

/// <summary>Builds RFC 9457 problem details with our stable types and the offending field and limit.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            title: "Not found",
            detail: $"No {what} has the id '{id}'.",
            statusCode: StatusCodes.Status404NotFound,
            type: ProblemTypes.NotFound,
            extensions: new Dictionary<string, object?> { ["resource"] = what, ["id"] = id });

    public static ProblemHttpResult InvalidParameter(string field, string detail, long? limit = null) =>
        TypedResults.Problem(
            title: "Invalid parameter",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            type: ProblemTypes.InvalidParameter,
            extensions: Extensions(field, limit));

    public static ProblemHttpResult InvalidCursor(string field, string detail) =>
        TypedResults.Problem(
            title: "Invalid cursor",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            type: ProblemTypes.InvalidCursor,
            extensions: Extensions(field, null));

    public static ProblemHttpResult InvalidInput(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status422UnprocessableEntity)
    {
        var first = errors[0];
        var extensions = Extensions(first.Field, first.Limit);
        extensions["errors"] = errors;
        return TypedResults.Problem(
            title: "Invalid input",
            detail: errors.Count == 1 ? $"{first.Field}: {first.Message}" : $"{errors.Count} fields are invalid; the first is {first.Field}: {first.Message}",
            statusCode: status,
            type: ProblemTypes.InvalidInput,
            extensions: extensions);
    }

    public static ProblemHttpResult NotAcceptable(IEnumerable<string> supported) =>
        TypedResults.Problem(
            title: "Not acceptable",
            detail: "The Accept header names no media type this endpoint produces.",
            statusCode: StatusCodes.Status406NotAcceptable,
            type: ProblemTypes.NotAcceptable,
            extensions: new Dictionary<string, object?> { ["supported"] = supported.ToArray() });

    public static ProblemHttpResult GuideNotWritten(string topicId) =>
        TypedResults.Problem(
            title: "Guide not written yet",
            detail: $"Topic '{topicId}' is planned; its guide is not published yet.",
            statusCode: StatusCodes.Status404NotFound,
            type: ProblemTypes.GuideNotWritten,
            extensions: new Dictionary<string, object?> { ["id"] = topicId });

    private static Dictionary<string, object?> Extensions(string field, long? limit)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (limit is not null)
        {
            extensions["limit"] = limit;
        }

        return extensions;
    }
}
