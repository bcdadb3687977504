using Microsoft.AspNetCore.Http.HttpResults;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Traces;

/// <summary>Why a trace could not be made; one value for REST (problem details) and GraphQL (error code).</summary>
public sealed record TraceFailure(TraceFailureKind Kind, string Message, IReadOnlyList<FieldError> Errors, long? Limit = null)
{
    public static TraceFailure Input(IReadOnlyList<FieldError> errors) =>
        new(TraceFailureKind.InvalidInput, errors.Count == 1 ? $"{errors[0].Field}: {errors[0].Message}" : $"{errors.Count} input fields are invalid.", errors);

    public string Code => Kind switch
    {
        TraceFailureKind.SimulatorNotFound => "NOT_FOUND",
        TraceFailureKind.InvalidInput => "INVALID_INPUT",
        TraceFailureKind.TooLarge => "TRACE_TOO_LARGE",
        _ => "UNAVAILABLE",
    };

    public ProblemHttpResult ToProblem() => Kind switch
    {
        TraceFailureKind.SimulatorNotFound => Problems.NotFound("simulator", Errors[0].Message),
        TraceFailureKind.InvalidInput => Problems.InvalidInput(Errors),
        TraceFailureKind.TooLarge => TypedResults.Problem(
            title: "Trace too large",
            detail: Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: ProblemTypes.TraceTooLarge,
            extensions: new Dictionary<string, object?> { ["field"] = "input", ["limit"] = Limit }),
        _ => TypedResults.Problem(
            title: "Trace unavailable",
            detail: Message,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.TraceUnavailable),
    };
}

/// <summary>The kinds of <see cref="TraceFailure"/>.</summary>
public enum TraceFailureKind
{
    SimulatorNotFound,
    InvalidInput,
    TooLarge,
    Unavailable,
}
