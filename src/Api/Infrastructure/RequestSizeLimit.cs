using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Pynsights.Api.Infrastructure;

/// <summary>Endpoint metadata: this endpoint's body limit, chosen from the configured <see cref="ApiLimits"/>.</summary>
public sealed record RequestBodyLimit(Func<ApiLimits, long> Bytes);

/// <summary>
/// Enforces <see cref="ApiLimits.MaxRequestBodyBytes"/> (or the endpoint's <see cref="RequestBodyLimit"/>) on every request: a declared length over the limit is refused
/// at once with a 413 problem that names the limit; the server also stops reading an undeclared (chunked) body there.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IOptions<ApiLimits> limits, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var max = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes(limits.Value) ?? limits.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problem = new ProblemDetails
            {
                Type = ProblemTypes.RequestTooLarge,
                Title = "Request too large",
                Status = StatusCodes.Status413PayloadTooLarge,
                Detail = $"The body is {context.Request.ContentLength} bytes; the limit is {max}.",
            };
            problem.Extensions["limit"] = max;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return;
        }

        await next(context);
    }
}
