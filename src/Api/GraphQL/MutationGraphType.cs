using GraphQL.Types;

namespace Pynsights.Api.GraphQL;

/// <summary>The root mutation: <c>simulate</c>, for clients that make resources in mutations.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        QueryGraphType.AddSimulate(this);
    }
}
