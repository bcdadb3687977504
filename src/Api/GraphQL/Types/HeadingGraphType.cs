using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class HeadingGraphType : ObjectGraphType<Heading>
{
    public HeadingGraphType()
    {
        Name = "Heading";
        Description = "A heading of a guide and the anchor (HTML id) it carries.";
        Field<NonNullGraphType<IntGraphType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("anchor").Resolve(c => c.Source.Anchor);
    }
}
