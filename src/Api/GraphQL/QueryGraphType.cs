using GraphQL;
using GraphQL.Types;
using Pynsights.Api.GraphQL.Types;
using Pynsights.Api.Infrastructure;
using Pynsights.Api.Topics;

namespace Pynsights.Api.GraphQL;

/// <summary>The root query. Resolvers only call the services REST uses.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("Every section of the manual, in order.")
            .Resolve(c => Service<TopicQueries>(c).Sections());

        Field<NonNullGraphType<TopicConnectionGraphType>>("topics")
            .Description("Topics in manual order (by relevance when q is given), one page at a time.")
            .Argument<StringGraphType>("section", "Only topics of this section id.")
            .Argument<StringGraphType>("q", "Words that must all appear in the title, summary or guide.")
            .Argument<IntGraphType>("first", "Page size, 1 to 100 (default 20).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Resolve(c =>
            {
                var (page, error) = Service<TopicQueries>(c).Search(
                    c.GetArgument<string?>("section"),
                    c.GetArgument<string?>("q"),
                    c.GetArgument<int?>("first")?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c.GetArgument<string?>("after"));
                return error is null ? page : throw ToExecutionError(error);
            });

        Field<TopicGraphType>("topic")
            .Description("A topic by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Service<TopicQueries>(c).Find(c.GetArgument<string>("id")));
    }

    internal static T Service<T>(IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>The GraphQL face of a <see cref="QueryError"/>: <c>extensions.code</c>, plus the field and limit.</summary>
    internal static ExecutionError ToExecutionError(QueryError error)
    {
        var result = new ExecutionError(error.Message) { Code = error.Code };
        result.Data["field"] = error.Field;
        if (error.Limit is { } limit)
        {
            result.Data["limit"] = limit;
        }

        return result;
    }
}
