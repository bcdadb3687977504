using GraphQL.Types;
using Pynsights.Api.Traces;

namespace Pynsights.Api.GraphQL.Types;

public sealed class StepSourceGraphType : ObjectGraphType<StepSource>
{
    public StepSourceGraphType()
    {
        Name = "SourceLocation";
        Description = "Where CPython does a step in C, pinned to a release tag.";
        Field<NonNullGraphType<StringGraphType>>("file").Resolve(c => c.Source.File);
        Field<NonNullGraphType<StringGraphType>>("function").Resolve(c => c.Source.Function);
        Field<NonNullGraphType<IntGraphType>>("line").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
    }
}
