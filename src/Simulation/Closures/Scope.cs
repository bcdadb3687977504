using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// A block of Python/symtable.c (<c>PySTEntryObject</c>): the module or a function, its symbols with their
/// <c>DEF_*</c> flags in first-seen order, its parameters, and after analysis each symbol's scope.
/// </summary>
internal sealed class Scope(string qualname, AstNode? node, Scope? parent)
{
    public const int DefLocal = 1;
    public const int DefParam = 2;
    public const int DefGlobal = 4;
    public const int DefNonlocal = 8;
    public const int Use = 16;

    public string Qualname { get; } = qualname;

    public AstNode? Node { get; } = node;

    public Scope? Parent { get; } = parent;

    public bool IsFunction => Node is not null;

    public List<Scope> Children { get; } = [];

    public List<string> Order { get; } = [];

    public Dictionary<string, int> Flags { get; } = new(StringComparer.Ordinal);

    public List<string> Params { get; } = [];

    /// <summary>After analysis: LOCAL, CELL, FREE, GLOBAL_EXPLICIT or GLOBAL_IMPLICIT per name.</summary>
    public Dictionary<string, string> Scopes { get; } = new(StringComparer.Ordinal);

    public int Lookup(string name) => Flags.GetValueOrDefault(name);

    public void Add(string name, int flag)
    {
        if (!Flags.ContainsKey(name))
        {
            Order.Add(name);
            Flags[name] = 0;
        }

        Flags[name] |= flag;
    }
}
