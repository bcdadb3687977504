namespace Pynsights.Api.Infrastructure;

/// <summary>
/// The stable problem <c>type</c> URIs of RFC 9457 responses. Each is served as a short description at
/// <c>GET /problems/{slug}</c>, so the URI a client sees resolves to what it means.
/// </summary>
public static class ProblemTypes
{
    public const string NotFound = "/problems/not-found";
    public const string InvalidParameter = "/problems/invalid-parameter";
    public const string InvalidCursor = "/problems/invalid-cursor";
    public const string InvalidInput = "/problems/invalid-input";
    public const string NotAcceptable = "/problems/not-acceptable";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string RequestTooLarge = "/problems/request-too-large";
    public const string GuideNotWritten = "/problems/guide-not-written";
    public const string TraceTooLarge = "/problems/trace-too-large";
    public const string TraceUnavailable = "/problems/trace-unavailable";
    public const string Internal = "/problems/internal";

    /// <summary>Slug → (title, description) for <c>GET /problems/{slug}</c>.</summary>
    public static IReadOnlyDictionary<string, (string Title, string Description)> Catalog { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["not-found"] = ("Not found", "The resource named in the path does not exist."),
            ["invalid-parameter"] = ("Invalid parameter", "A query or path parameter is outside its documented range or format; 'field' names it and 'limit' gives the bound when there is one."),
            ["invalid-cursor"] = ("Invalid cursor", "A pagination cursor was not issued by this API for this listing, or no longer points into it; start again without it."),
            ["invalid-input"] = ("Invalid input", "The request body is not valid; 'errors' lists each field with what is wrong and, where relevant, the limit or the column."),
            ["not-acceptable"] = ("Not acceptable", "None of the media types in the Accept header can be produced; 'supported' lists those that can."),
            ["unsupported-media-type"] = ("Unsupported media type", "The request body's Content-Type is not one this endpoint reads."),
            ["request-too-large"] = ("Request too large", "The request body exceeds the endpoint's size limit, given in 'limit' (bytes)."),
            ["guide-not-written"] = ("Guide not written yet", "The topic exists on the map but its guide is planned, not published."),
            ["trace-too-large"] = ("Trace too large", "The simulation would produce more steps than the trace limit ('limit'), or more data than the store can hold; make the input smaller."),
            ["trace-unavailable"] = ("Trace unavailable", "Another request is still generating this trace and it did not finish in time; retry shortly."),
            ["internal"] = ("Internal error", "The server failed unexpectedly; the error was logged with the trace id given here."),
        };
}
