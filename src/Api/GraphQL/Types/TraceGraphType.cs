using GraphQL;
using GraphQL.Types;
using Pynsights.Api.Traces;

namespace Pynsights.Api.GraphQL.Types;

public sealed class TraceGraphType : ObjectGraphType<TraceResponse>
{
    public TraceGraphType()
    {
        Name = "Trace";
        Description = "A simulation of one input: immutable, identified by a hash of simulator, version and input.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("simulator").Resolve(c => c.Source.Simulator);
        Field<NonNullGraphType<StringGraphType>>("pythonVersion").Resolve(c => c.Source.PythonVersion);
        Field<NonNullGraphType<IntGraphType>>("logicVersion").Resolve(c => c.Source.LogicVersion);
        Field<NonNullGraphType<JsonGraphType>>("input").Description("The input in canonical form.").Resolve(c => c.Source.Input);
        Field<NonNullGraphType<IntGraphType>>("stepCount").Resolve(c => c.Source.StepCount);
        Field<NonNullGraphType<JsonGraphType>>("result").Description("The final facts to check against CPython.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StepConnectionGraphType>>("steps")
            .Description("A page of steps: first/after forward, last/before backward, or at to jump to an index.")
            .Argument<IntGraphType>("first", "Steps after the start (default 50, at most 500).")
            .Argument<StringGraphType>("after", "Start after this cursor.")
            .Argument<IntGraphType>("last", "Steps before the end (at most 500).")
            .Argument<StringGraphType>("before", "End before this cursor.")
            .Argument<IntGraphType>("at", "Start at this step index.")
            .ResolveAsync(async c =>
            {
                static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var (page, error) = await QueryGraphType.Service<TraceQueries>(c).StepsAsync(
                    c.Source.Id, Text(c.GetArgument<int?>("first")), c.GetArgument<string?>("after"), Text(c.GetArgument<int?>("last")),
                    c.GetArgument<string?>("before"), Text(c.GetArgument<int?>("at")), c.CancellationToken);
                return error is null ? page : throw QueryGraphType.ToExecutionError(error);
            });
    }
}
