using GraphQL;
using GraphQL.Types;
using Pynsights.Api.GraphQL.Types;
using Pynsights.Api.Infrastructure;
using Pynsights.Api.Simulations;
using Pynsights.Api.Topics;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

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

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimulatorGraphType>>>>("simulators")
            .Description("Every simulator.")
            .Resolve(c => Service<SimulatorCatalog>(c).All.Select(s => SimulatorResponse.From(s.Descriptor)));

        Field<SimulatorGraphType>("simulator")
            .Description("A simulator by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Service<SimulatorCatalog>(c).Find(c.GetArgument<string>("id")) is { } s ? SimulatorResponse.From(s.Descriptor) : null);

        AddSimulate(this);

        Field<TraceGraphType>("trace")
            .Description("A trace by id; null when there is none (or it expired).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Service<TraceQueries>(c).FindAsync(c.GetArgument<string>("id"), c.CancellationToken) is { } m ? TraceResponse.From(m) : null);

        Field<DiagramGraphType>("diagram")
            .Description("A diagram by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Service<Content.ContentStore>(c).Current.Diagrams.GetValueOrDefault(c.GetArgument<string>("id")));

        Field<TopicGraphType>("topic")
            .Description("A topic by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Service<TopicQueries>(c).Find(c.GetArgument<string>("id")));
    }

    /// <summary>
    /// <c>simulate</c>: finds or generates the trace of an input. Idempotent (the trace id is a hash of the input), so
    /// it is a query; <c>Mutation.simulate</c> is the same field for clients that make resources in mutations.
    /// </summary>
    internal static void AddSimulate(ObjectGraphType type) =>
        type.Field<NonNullGraphType<TraceGraphType>>("simulate")
            .Description("Run a simulator on an input (idempotent: the same input gives the same trace).")
            .Argument<NonNullGraphType<IdGraphType>>("simulator", "The simulator id.")
            .Argument<NonNullGraphType<JsonGraphType>>("input", "The input, valid against the simulator's inputSchema.")
            .Argument<StringGraphType>("pythonVersion", "3.10 to 3.14t; default 3.13.")
            .ResolveAsync(async c =>
            {
                var (manifest, _, failure) = await Service<TraceService>(c).GetOrCreateAsync(
                    c.GetArgument<string>("simulator"), c.GetArgument<string?>("pythonVersion"), c.GetArgument<System.Text.Json.JsonElement?>("input"), c.CancellationToken);
                if (failure is null)
                {
                    return TraceResponse.From(manifest!);
                }

                var error = new ExecutionError(failure.Message) { Code = failure.Code };
                if (failure.Errors.Count > 0)
                {
                    error.Data["errors"] = failure.Errors.Select(e => new Dictionary<string, object?> { ["field"] = e.Field, ["message"] = e.Message, ["limit"] = e.Limit, ["column"] = e.Column }).ToList();
                    error.Data["field"] = failure.Errors[0].Field;
                }

                if (failure.Limit is { } limit)
                {
                    error.Data["limit"] = limit;
                }

                throw error;
            });

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
