using Microsoft.AspNetCore.Http.HttpResults;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Traces;

/// <summary>REST endpoints for traces and their steps. Traces are immutable: responses are cacheable for a year.</summary>
public static class TracesApi
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/traces").WithTags("Traces").WithETags();

        api.MapGet("/{id}", GetTrace)
            .WithName("GetTrace")
            .WithSummary("Get a trace: its input, step count and result")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/steps", GetSteps)
            .WithName("ListTraceSteps")
            .WithSummary("Get a page of a trace's steps")
            .WithDescription("Relay-shaped: `first`/`after` forward, `last`/`before` backward, or `at` to jump to a step index. A page costs the same wherever it is in the trace.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    internal static async Task<Results<Ok<TraceResponse>, ProblemHttpResult>> GetTrace(
        string id, TraceQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } manifest)
        {
            return Problems.NotFound("trace", id);
        }

        context.Response.Headers.CacheControl = Immutable;
        return TypedResults.Ok(TraceResponse.From(manifest));
    }

    internal static async Task<Results<Ok<Connection<StepResponse>>, ProblemHttpResult>> GetSteps(
        string id, [AsParameters] StepPageRequest request, TraceQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var (page, error) = await queries.StepsAsync(id, request.First, request.After, request.Last, request.Before, request.At, cancellationToken);
        if (error is not null)
        {
            return error.ToProblem();
        }

        if (page is null)
        {
            return Problems.NotFound("trace", id);
        }

        context.Response.Headers.CacheControl = Immutable;
        return TypedResults.Ok(page);
    }
}
