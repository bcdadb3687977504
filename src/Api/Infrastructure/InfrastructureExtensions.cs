using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Pynsights.Api.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>JSON conventions, problem details for every error, body size limits and the OpenAPI document.</summary>
    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<ApiLimits>().BindConfiguration(ApiLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            if (c.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
            {
                c.ProblemDetails.Type = ProblemTypes.Internal;
                c.ProblemDetails.Detail = "The server failed unexpectedly; the error is logged under this traceId.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddEndpointsApiExplorer();
        services.AddSingleton<OpenApiExamples>();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Pynsights API",
                Version = "v1",
                Description = "How CPython really works: topics, guides, diagrams and step-through simulations, over REST and GraphQL (/graphql).",
            });
            o.OperationFilter<OpenApiExamplesFilter>();
            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>Error handling first, then the request size limit, then Swagger.</summary>
    public static WebApplication UseApiInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "Pynsights API v1");
            o.DocumentTitle = "Pynsights API";
        });
        return app;
    }

    /// <summary><c>GET /problems/{slug}</c>: what each problem type means.</summary>
    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/problems/{slug}", GetProblemType)
            .WithName("GetProblemType")
            .WithTags("Problems")
            .WithSummary("Describe a problem type used in error responses")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Results<Ok<ProblemTypeResponse>, ProblemHttpResult> GetProblemType(string slug) =>
        ProblemTypes.Catalog.TryGetValue(slug, out var entry)
            ? TypedResults.Ok(new ProblemTypeResponse($"/problems/{slug}", entry.Title, entry.Description))
            : Problems.NotFound("problem type", slug);
}

/// <summary>What a problem type means.</summary>
public sealed record ProblemTypeResponse(string Type, string Title, string Description);

/// <summary>
/// Turns the framework's <see cref="BadHttpRequestException"/> (unreadable body, body over the size limit, bad
/// route values) into a problem with the right status instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, Microsoft.Extensions.Options.IOptions<ApiLimits> limits) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Type = tooLarge ? ProblemTypes.RequestTooLarge : ProblemTypes.InvalidInput,
            Title = tooLarge ? "Request too large" : "Bad request",
            Detail = bad.Message,
        };
        if (tooLarge)
        {
            problem.Extensions["limit"] = httpContext.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes(limits.Value) ?? limits.Value.MaxRequestBodyBytes;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
