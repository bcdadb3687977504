using GraphQL.Types;
using Pynsights.Api.Topics;

namespace Pynsights.Api.GraphQL.Types;

public sealed class SectionGraphType : ObjectGraphType<SectionResponse>
{
    public SectionGraphType()
    {
        Name = "Section";
        Description = "A section of the manual.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<IntGraphType>>("topicCount").Description("Topics in the section.").Resolve(c => c.Source.TopicCount);
        Field<NonNullGraphType<IntGraphType>>("publishedCount").Description("Topics whose guide is published.").Resolve(c => c.Source.PublishedCount);
    }
}
