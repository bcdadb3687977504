namespace Pynsights.Simulation.Calls;

/// <summary>
/// What the code object and the function object hold for binding: <c>co_varnames</c> split by kind
/// (<c>co_posonlyargcount</c>, <c>co_argcount</c>, <c>co_kwonlyargcount</c>, <c>CO_VARARGS</c>,
/// <c>CO_VARKEYWORDS</c>), <c>func_defaults</c> (for the last positional parameters) and <c>func_kwdefaults</c>.
/// </summary>
internal sealed record FunctionSignature(
    IReadOnlyList<string> PositionalOnly,
    IReadOnlyList<string> PositionalOrKeyword,
    IReadOnlyList<string> KeywordOnly,
    string? VarArgs,
    string? VarKeywords,
    IReadOnlyList<ArgumentValue> Defaults,
    IReadOnlyDictionary<string, ArgumentValue> KwDefaults)
{
    public int PosOnlyCount => PositionalOnly.Count;

    /// <summary><c>co_argcount</c>: positional-only and positional-or-keyword parameters.</summary>
    public int ArgCount => PositionalOnly.Count + PositionalOrKeyword.Count;

    /// <summary><c>total_args</c>: co_argcount + co_kwonlyargcount (the slots a keyword may name).</summary>
    public int TotalArgs => ArgCount + KeywordOnly.Count;

    /// <summary>The <c>co_varnames</c> of the parameters: positional, keyword-only, then *args and **kwargs.</summary>
    public IReadOnlyList<string> VarNames =>
        [.. PositionalOnly, .. PositionalOrKeyword, .. KeywordOnly, .. VarArgs is null ? [] : new[] { VarArgs }, .. VarKeywords is null ? [] : new[] { VarKeywords }];

    public string KindOf(int slot) =>
        slot < PosOnlyCount ? "positional-only"
        : slot < ArgCount ? "positional-or-keyword"
        : slot < TotalArgs ? "keyword-only"
        : VarArgs is not null && slot == TotalArgs ? "var-positional"
        : "var-keyword";
}
