using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class ReferenceGraphType : ObjectGraphType<Reference>
{
    public ReferenceGraphType()
    {
        Name = "Reference";
        Field<NonNullGraphType<ReferenceKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
    }
}
