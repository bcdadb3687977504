using Microsoft.AspNetCore.Http.HttpResults;
using Pynsights.Api.Infrastructure;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

namespace Pynsights.Api.Simulations;

/// <summary>REST endpoints for the simulator catalog and for making traces.</summary>
public static class SimulationsApi
{
    public static IEndpointRouteBuilder MapSimulationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/simulations").WithTags("Simulations");

        api.MapGet("", ListSimulators)
            .WithName("ListSimulators")
            .WithSummary("List the simulators")
            .WithETags();

        api.MapGet("/{id}", GetSimulator)
            .WithName("GetSimulator")
            .WithSummary("Get a simulator: input schema, limits, versions, topics and examples")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETags();

        api.MapPost("/{id}/traces", CreateTrace)
            .WithName("CreateTrace")
            .WithSummary("Run a simulation: make (or find) the trace of an input")
            .WithDescription("201 Created with Location when this request generated the trace, 200 when it existed. The id is deterministic: the same simulator, version and input always give the same trace.")
            .Accepts<CreateTraceRequest>("application/json")
            .WithMetadata(new RequestBodyLimit(limits => limits.MaxTraceRequestBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    internal static Ok<SimulatorListResponse> ListSimulators(SimulatorCatalog simulators) =>
        TypedResults.Ok(new SimulatorListResponse([.. simulators.All.Select(s => SimulatorSummaryResponse.From(s.Descriptor))]));

    internal static Results<Ok<SimulatorResponse>, ProblemHttpResult> GetSimulator(string id, SimulatorCatalog simulators) =>
        simulators.Find(id) is { } simulator
            ? TypedResults.Ok(SimulatorResponse.From(simulator.Descriptor))
            : Problems.NotFound("simulator", id);

    internal static async Task<Results<Created<TraceResponse>, Ok<TraceResponse>, ProblemHttpResult>> CreateTrace(
        string id, CreateTraceRequest request, TraceService traces, CancellationToken cancellationToken)
    {
        var (manifest, created, failure) = await traces.GetOrCreateAsync(id, request.PythonVersion, request.Input, cancellationToken);
        if (failure is not null)
        {
            return failure.ToProblem();
        }

        var response = TraceResponse.From(manifest!);
        return created ? TypedResults.Created(response.Links.Self, response) : TypedResults.Ok(response);
    }
}
