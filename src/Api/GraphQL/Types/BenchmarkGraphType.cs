using System.Text.Json;
using GraphQL.Types;
using Pynsights.Api.Benchmarks;

namespace Pynsights.Api.GraphQL.Types;

public sealed class BenchmarkGraphType : ObjectGraphType<BenchmarkResult>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public BenchmarkGraphType()
    {
        Name = "Benchmark";
        Description = "Numbers measured on CPython by a script committed beside them.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("topic").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("bar or line.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<JsonGraphType>>("data").Description("x, series, ratios, environment and notes, as in REST.").Resolve(c => JsonSerializer.SerializeToElement(BenchmarkResponse.From(c.Source), Web));
        Field<NonNullGraphType<StringGraphType>>("script").Description("The Python script that measured it.").Resolve(c => c.Source.Script);
        Field<NonNullGraphType<StringGraphType>>("svg").Description("The chart as an SVG document.").Resolve(c => BenchmarkSvgRenderer.Render(c.Source));
    }
}
