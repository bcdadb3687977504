namespace Pynsights.Simulation.Python;

/// <summary>
/// One token with CPython's positions: 1-based lines and 0-based columns counted in UTF-8 bytes, as the
/// <c>col_offset</c> of the ast nodes built from it; <see cref="CharColumn"/> is the UTF-16 column for diagnostics.
/// </summary>
internal sealed record Token(TokenKind Kind, string Text, int Line, int Column, int EndLine, int EndColumn, int CharColumn)
{
    public bool Is(string text) => (Kind == TokenKind.Op || Kind == TokenKind.Name) && Text == text;

    public override string ToString() => $"{Kind} '{Text}' at {Line}:{Column}";
}
