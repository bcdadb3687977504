using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Gives every successful response of an endpoint a strong ETag computed from the exact bytes it sends, and answers
/// <c>If-None-Match</c> with 304. Content and traces are immutable for a given version, so this is exact and cheap.
/// </summary>
public static class ETagFilter
{
    /// <summary>Adds the filter to every endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder WithETags<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var value = await next(context);
            return value is IResult result ? new ETaggedResult(result) : value;
        });

    private sealed class ETaggedResult(IResult inner) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var original = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await inner.ExecuteAsync(httpContext);
            }
            finally
            {
                response.Body = original;
            }

            if (response.StatusCode == StatusCodes.Status200OK)
            {
                var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"");
                response.Headers.ETag = tag.ToString();
                if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    response.Headers.CacheControl = "public, no-cache";
                }

                if (Matches(httpContext.Request, tag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }

            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, httpContext.RequestAborted);
        }

        private static bool Matches(HttpRequest request, EntityTagHeaderValue tag)
        {
            if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            {
                return false;
            }

            // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
        }
    }
}
