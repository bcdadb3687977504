using GraphQL.Types;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.GraphQL.Types;

/// <summary>A Relay connection of <typeparamref name="TNodeType"/> over <see cref="Connection{T}"/>.</summary>
public class ConnectionGraphType<TNodeType, TNode, TEdgeType> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    public ConnectionGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description("The edges' nodes, for clients that need no cursors.").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Items in the whole listing.").Resolve(c => c.Source.TotalCount);
    }
}

/// <summary>An edge of a Relay connection.</summary>
public class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}
