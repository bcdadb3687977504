using System.Text;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Pynsights.Api.GraphQL;

/// <summary>
/// Our GraphQL-over-HTTP endpoint (graphql-over-http spec): POST with a JSON body, GET for queries; answers
/// <c>application/graphql-response+json</c> (400 when the document fails to parse or validate) or legacy
/// <c>application/json</c> (200 once the request is well-formed). Body and URL sizes are bounded.
/// </summary>
public static class GraphQLEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var limits = services.GetRequiredService<IOptions<GraphQLLimits>>().Value;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();

        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Query.ContainsKey("query") && AcceptsHtml(context.Request))
        {
            await GraphQLIde.WriteAsync(context);
            return;
        }

        var mediaType = Negotiate(context.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"The Accept header must allow {GraphQLResponseJson} or {Json}.");
            return;
        }

        GraphQLRequest? request;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (context.Request.QueryString.Value?.Length > limits.MaxRequestBytes)
            {
                await WriteTooLargeAsync(context, mediaType, limits.MaxRequestBytes);
                return;
            }

            var query = context.Request.Query;
            request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"] };
            try
            {
                if (query["variables"].ToString() is { Length: > 0 } variables)
                {
                    request.Variables = serializer.Deserialize<Inputs>(variables);
                }

                if (query["extensions"].ToString() is { Length: > 0 } extensions)
                {
                    request.Extensions = serializer.Deserialize<Inputs>(extensions);
                }
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, "INVALID_REQUEST",
                    $"'variables' and 'extensions' must be JSON objects: {e.Message}");
                return;
            }

            if (request.Query is { } text && IsMutation(text, request.OperationName))
            {
                context.Response.Headers.Allow = "POST";
                await WriteErrorAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                    "Mutations must be sent with POST.");
                return;
            }
        }
        else
        {
            // Content-Type is checked by the framework against the endpoint's Accepts metadata (415 problem).
            var body = await ReadBodyAsync(context, limits.MaxRequestBytes);
            if (body is null)
            {
                await WriteTooLargeAsync(context, mediaType, limits.MaxRequestBytes);
                return;
            }

            try
            {
                request = serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(body));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, "INVALID_REQUEST",
                    $"The body is not a GraphQL request in JSON: {e.Message}");
                return;
            }
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, "INVALID_REQUEST",
                "The request has no 'query'.");
            return;
        }

        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = context.RequestAborted,
        });

        // graphql-response+json: a request that never executed (parse or validation errors) is a client error.
        context.Response.StatusCode = mediaType == GraphQLResponseJson && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>
    /// graphql-response+json only when asked for by name; application/json when asked for by name or by a
    /// wildcard (what pre-spec clients send); null when neither is acceptable.
    /// </summary>
    private static string? Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        foreach (var range in accepted.Where(a => (a.Quality ?? 1) > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var name = range.MediaType.Value;
            if (string.Equals(name, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            if (string.Equals(name, Json, StringComparison.OrdinalIgnoreCase) || name is "*/*" || string.Equals(name, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static bool IsMutation(string query, string? operationName)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = operationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.Find(o => o.Name?.StringValue == operationName);
            return operation?.Operation == OperationType.Mutation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executer reports the syntax error
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int max)
    {
        if (context.Request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteTooLargeAsync(HttpContext context, string mediaType, int max) =>
        WriteErrorAsync(context, mediaType, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
            $"The request is larger than {max} bytes, the limit.", max);

    private static async Task WriteErrorAsync(HttpContext context, string mediaType, int status, string code, string message, long? limit = null)
    {
        var error = new ExecutionError(message) { Code = code };
        if (limit is not null)
        {
            error.Data["limit"] = limit;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [error] }, context.RequestAborted);
    }
}
