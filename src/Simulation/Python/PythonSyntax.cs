namespace Pynsights.Simulation.Python;

/// <summary>
/// The front end every code-taking simulator shares. The subset: module-level statements; <c>def</c> with the full
/// parameter grammar (<c>/</c>, <c>*</c>, defaults, annotations, <c>*args</c>, <c>**kwargs</c>) and decorators;
/// <c>class</c> with bases and keywords; assignments (plain, annotated, augmented, unpacking); <c>if</c>, <c>for</c>,
/// <c>while</c>, <c>return</c>, <c>pass</c>, <c>break</c>, <c>continue</c>, <c>global</c>, <c>nonlocal</c>;
/// <c>match</c> with every pattern kind; expressions with calls (<c>*</c>, <c>**</c>), attributes, subscripts and
/// slices, comprehensions, lambdas, conditional expressions, literals and all operators. Not yet: <c>import</c>
/// (a simulator that runs code may opt in, see <see cref="Parse"/>), <c>try</c>, <c>with</c>, <c>raise</c>, <c>del</c>, <c>assert</c>, <c>async</c>/<c>await</c>, <c>yield</c>,
/// f-strings, <c>:=</c>.
/// </summary>
public static class PythonSyntax
{
    /// <summary>A one-line description of the subset, for simulator descriptors.</summary>
    public const string Subset =
        "Supported Python: def (all parameter kinds, annotations, decorators), class (bases, keywords), assignments "
        + "(plain, annotated, augmented, unpacking), if/for/while/return/pass/break/continue/global/nonlocal, match "
        + "with every pattern kind, and expressions (calls with * and **, attributes, subscripts, slices, "
        + "comprehensions, lambda, conditional expressions, literals, all operators). Not yet: import, try, with, "
        + "raise, del, assert, async/await, yield, f-strings, :=.";

    /// <summary>
    /// The parser's message (3.10 and 3.11 wording) for <c>def f(a=1, b)</c>; 3.12 reworded it as "parameter without
    /// a default follows parameter with a default" (Grammar/python.gram invalid_parameters).
    /// </summary>
    public const string NonDefaultArgument = "non-default argument follows default argument";

    /// <summary>
    /// Parses <paramref name="source"/> as a module; never throws for any text. <paramref name="extensions"/> turns
    /// on statements only some simulators model (<c>raise</c>, <c>import</c>); without them those are reported as not
    /// supported.
    /// </summary>
    public static ParseResult Parse(string source, SyntaxExtensions extensions = SyntaxExtensions.None)
    {
        try
        {
            var tokens = Tokenizer.Tokenize(source);
            return new ParseResult(Parser.ParseModule(tokens, extensions), null);
        }
        catch (ParseFailure failure)
        {
            return new ParseResult(null, failure.Diagnostic);
        }
    }
}
