using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class ReferenceKindGraphType : EnumerationGraphType<ReferenceKind>
{
    public ReferenceKindGraphType()
    {
        Name = "ReferenceKind";
        Description = "What a reference points at: the Python docs, a PEP, the CPython source (pinned to a tag), or an article.";
    }
}
