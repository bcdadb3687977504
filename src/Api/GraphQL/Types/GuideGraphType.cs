using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class GuideGraphType : ObjectGraphType<Guide>
{
    public GuideGraphType()
    {
        Name = "Guide";
        Description = "A topic's written guide.";
        Field<NonNullGraphType<StringGraphType>>("markdown").Description("CommonMark source.").Resolve(c => c.Source.Markdown);
        Field<NonNullGraphType<StringGraphType>>("html").Description("HTML fragment; headings carry the outline's anchors.").Resolve(c => c.Source.Html);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HeadingGraphType>>>>("outline").Resolve(c => c.Source.Outline);
        Field<NonNullGraphType<IntGraphType>>("wordCount").Resolve(c => c.Source.WordCount);
    }
}
