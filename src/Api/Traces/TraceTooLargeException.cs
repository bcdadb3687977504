namespace Pynsights.Api.Traces;

/// <summary>A trace outgrew what the store can hold; the API answers with a problem, not a 500.</summary>
public sealed class TraceTooLargeException(string message) : Exception(message);
