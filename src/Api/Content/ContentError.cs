namespace Pynsights.Api.Content;

/// <summary>A problem in <c>content/</c>, located so an author can fix it: <c>file:line: what is wrong</c>.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown when the content cannot be loaded; the message lists every <see cref="ContentError"/>, one per line.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentError> errors)
    : Exception("Invalid content:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
