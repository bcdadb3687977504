using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Fills in the OpenAPI document what Swashbuckle cannot infer: a real example for each response (taken from the
/// running catalog by <see cref="OpenApiExamples"/>, so examples never drift from the API), and the integer bounds
/// of page-size parameters that are bound as text to give precise errors.
/// </summary>
internal sealed class OpenApiExamplesFilter(OpenApiExamples examples, IOptions<JsonOptions> json, IOptions<ApiLimits> limits) : IOperationFilter
{
    private static readonly string[] PageSizeParameters = ["first", "last"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (PageSizeParameters.Contains(parameter.Name) && parameter.Schema is OpenApiSchema schema)
            {
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
                schema.Minimum = "1";
                schema.Maximum = limits.Value.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var operationId = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (operationId is null || operation.Responses is null)
        {
            return;
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse { Content: { } content })
            {
                continue;
            }

            foreach (var (mediaType, media) in content)
            {
                if (examples.For(operationId, status, mediaType) is { } example && media is OpenApiMediaType concrete)
                {
                    concrete.Example = example is string text
                        ? JsonValue.Create(text)
                        : JsonSerializer.SerializeToNode(example, example.GetType(), json.Value.SerializerOptions);
                }
            }
        }
    }
}
