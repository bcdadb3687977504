namespace Pynsights.Simulation.Calls;

/// <summary>How one argument is written in the call: positional, <c>*iterable</c>, <c>name=value</c> or <c>**mapping</c>.</summary>
internal enum ArgumentKind
{
    Positional,
    Star,
    Keyword,
    DoubleStar,
}

/// <summary>One argument of the call as written, with its evaluated value and its source text.</summary>
internal sealed record ArgumentItem(ArgumentKind Kind, string? Name, ArgumentValue Value, string Text);
