using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class VersionRangeGraphType : ObjectGraphType<VersionRange>
{
    public VersionRangeGraphType()
    {
        Name = "VersionRange";
        Description = "The Python versions a topic covers, inclusive.";
        Field<NonNullGraphType<StringGraphType>>("min").Resolve(c => c.Source.Min);
        Field<NonNullGraphType<StringGraphType>>("max").Resolve(c => c.Source.Max);
    }
}
