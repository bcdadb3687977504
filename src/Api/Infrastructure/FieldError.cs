namespace Pynsights.Api.Infrastructure;

/// <summary>One invalid field of a request, in a problem details <c>errors</c> list.</summary>
public sealed record FieldError(string Field, string Message, long? Limit = null, int? Column = null);
