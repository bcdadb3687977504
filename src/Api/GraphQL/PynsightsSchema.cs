using GraphQL.Types;

namespace Pynsights.Api.GraphQL;

/// <summary>The Pynsights GraphQL schema: the same data as REST, from the same services.</summary>
public sealed class PynsightsSchema : Schema
{
    public PynsightsSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation)
        : base(services)
    {
        Description = "Pynsights: how CPython really works — topics, guides and simulations.";
        Query = query;
        Mutation = mutation;
    }
}
