using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.GraphQL;

public static class GraphQLExtensions
{
    public static IServiceCollection AddPynsightsGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLLimits>().BindConfiguration(GraphQLLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddGraphQL(builder => builder
            .AddSchema<PynsightsSchema>()
            .AddGraphTypes(typeof(PynsightsSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o =>
            {
                o.ExposeCode = true;
                o.ExposeData = true;
                o.ExposeExceptionDetails = false;
            })
            .AddComplexityAnalyzer((o, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLLimits>>().Value;
                o.MaxDepth = limits.MaxDepth;
                o.MaxComplexity = limits.MaxComplexity;
            })
            .AddValidationRule<AliasLimitRule>());
        return services;
    }

    public static IEndpointRouteBuilder MapPynsightsGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost("/graphql", (Delegate)GraphQLEndpoint.HandleAsync)
            .WithName("PostGraphQL")
            .WithTags("GraphQL")
            .WithSummary("Run a GraphQL operation (graphql-over-http, JSON body)")
            .WithDescription("Answers application/graphql-response+json (400 when the document does not parse or validate) or application/json (200). The schema is at /graphql/schema.graphql.")
            .Accepts<GraphQLHttpRequest>("application/json", "application/graphql+json")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status200OK, GraphQLEndpoint.GraphQLResponseJson, "application/json")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status400BadRequest, GraphQLEndpoint.GraphQLResponseJson)
            .Produces<GraphQLHttpResponse>(StatusCodes.Status413PayloadTooLarge, GraphQLEndpoint.GraphQLResponseJson)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapGet("/graphql", (Delegate)GraphQLEndpoint.HandleAsync)
            .WithName("GetGraphQL")
            .WithTags("GraphQL")
            .WithSummary("Run a GraphQL query from the URL, or open the IDE in a browser")
            .WithDescription("Query parameters `query`, `operationName`, `variables` (JSON) and `extensions` (JSON). Mutations are refused with 405. Without `query` and with Accept: text/html, serves the GraphQL IDE page.")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status200OK, GraphQLEndpoint.GraphQLResponseJson, "application/json", "text/html")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status400BadRequest, GraphQLEndpoint.GraphQLResponseJson)
            .Produces<GraphQLHttpResponse>(StatusCodes.Status405MethodNotAllowed, GraphQLEndpoint.GraphQLResponseJson);

        app.MapGet("/graphql/schema.graphql", GetSchema)
            .WithName("GetGraphQLSchema")
            .WithTags("GraphQL")
            .WithSummary("The GraphQL schema in SDL")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithETags();
        return app;
    }

    internal static IResult GetSchema(ISchema schema) =>
        TypedResults.Text(schema.Print(), "text/plain; charset=utf-8", Encoding.UTF8);
}
