using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Api.Tests.Infrastructure;

public static class ApiJson
{
    /// <summary>Reads the body as JSON, asserting the status and media type first.</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode status, string mediaType = "application/json")
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return await ReadAsync(response, status, mediaType);
    }

    public static async Task<JsonNode> GraphQLAsync(HttpClient client, string query, object? variables = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables }, TestContext.Current.CancellationToken);
        return await ReadAsync(response, status);
    }

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
