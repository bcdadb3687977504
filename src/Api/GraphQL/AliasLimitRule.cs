using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Pynsights.Api.GraphQL;

/// <summary>
/// Rejects documents with more aliased fields than <see cref="GraphQLLimits.MaxAliases"/>: aliases are the cheap way
/// to ask for the same expensive field many times in one request.
/// </summary>
public sealed class AliasLimitRule(IOptions<GraphQLLimits> limits) : ValidationRuleBase
{
    public const string Code = "ALIAS_LIMIT_EXCEEDED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = limits.Value.MaxAliases;
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is null || ++count != max + 1)
            {
                return;
            }

            var error = new ValidationError(ctx.Document.Source, null, $"The document has more than {max} aliased fields; the limit is {max}.", field)
            {
                Code = Code,
            };
            error.Data["limit"] = max;
            ctx.ReportError(error);
        }));
    }
}
