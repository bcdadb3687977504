namespace Pynsights.Simulation.Python;

/// <summary>The token types of Lib/token.py that the subset uses (keywords are names, as in CPython's tokenizer).</summary>
internal enum TokenKind
{
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}
