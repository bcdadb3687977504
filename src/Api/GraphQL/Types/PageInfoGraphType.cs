using GraphQL.Types;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.GraphQL.Types;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
