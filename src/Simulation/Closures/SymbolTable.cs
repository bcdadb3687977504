using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// Python/symtable.c for the subset: the building pass (symtable_visit_stmt / symtable_visit_expr, with the
/// global and nonlocal checks) and the analysis pass (analyze_block, analyze_name, analyze_cells,
/// update_symbols), which decides which names are local, cell, free or global.
/// </summary>
internal sealed class SymbolTable
{
    private Scope _current;

    private SymbolTable(Scope module) => _current = module;

    public Scope Module { get; private set; } = null!;

    /// <summary>Builds and analyses the table; the SyntaxError symtable.c raises, if any.</summary>
    public static (Scope Module, PythonError? Error) Build(AstNode module)
    {
        var root = new Scope("<module>", null, null);
        var table = new SymbolTable(root) { Module = root };
        try
        {
            foreach (var statement in module.Nodes("body"))
            {
                table.Statement(statement!);
            }

            Analyze(root, null, [], []);
        }
        catch (SymbolError error)
        {
            return (root, error.Error);
        }

        return (root, null);
    }

#pragma warning disable CA1064 // internal control flow, never leaves Build
    private sealed class SymbolError(PythonError error) : Exception(error.Message)
#pragma warning restore CA1064
    {
        public PythonError Error { get; } = error;
    }

    private static SymbolError Syntax(string message) => new(new PythonError("SyntaxError", message));

    private void Statement(AstNode s)
    {
        switch (s.Type)
        {
            case "FunctionDef":
                _current.Add(s.Identifier("name")!, Scope.DefLocal);
                Function(s, s.Identifier("name")!);
                return;
            case "Assign":
                foreach (var target in s.Nodes("targets"))
                {
                    Expression(target!);
                }

                Expression(s.Node("value"));
                return;
            case "AugAssign":
                Expression(s.Node("target"));
                Expression(s.Node("value"));
                return;
            case "For":
                Expression(s.Node("target"));
                Expression(s.Node("iter"));
                Body(s.Nodes("body"));
                Body(s.Nodes("orelse"));
                return;
            case "While" or "If":
                Expression(s.Node("test"));
                Body(s.Nodes("body"));
                Body(s.Nodes("orelse"));
                return;
            case "Return":
                if (s.OptionalNode("value") is { } value)
                {
                    Expression(value);
                }

                return;
            case "Expr":
                Expression(s.Node("value"));
                return;
            case "Import" or "ImportFrom":
                // symtable_visit_alias: the name bound is the asname, or the first part of a dotted module.
                foreach (var alias in s.Nodes("names"))
                {
                    _current.Add(BoundName(alias!), Scope.DefLocal);
                }

                return;
            case "Global" or "Nonlocal":
                var global = s.Type == "Global";
                foreach (var name in (IReadOnlyList<string>)s["names"]!)
                {
                    var cur = _current.Lookup(name);
                    if ((cur & (Scope.DefParam | Scope.DefLocal | Scope.Use)) != 0)
                    {
                        var what = global ? "global" : "nonlocal";
                        throw Syntax((cur & Scope.DefParam) != 0 ? $"name '{name}' is parameter and {what}"
                            : (cur & Scope.Use) != 0 ? $"name '{name}' is used prior to {what} declaration"
                            : $"name '{name}' is assigned to before {what} declaration");
                    }

                    _current.Add(name, global ? Scope.DefGlobal : Scope.DefNonlocal);
                }

                return;
            default:
                return;
        }
    }

    /// <summary>The name an import alias binds: <c>import a.b</c> binds <c>a</c>, <c>import a.b as c</c> binds <c>c</c>.</summary>
    public static string BoundName(AstNode alias) => alias.Identifier("asname") ?? alias.Identifier("name")!.Split('.')[0];

    private void Body(IEnumerable<AstNode?> statements)
    {
        foreach (var statement in statements)
        {
            Statement(statement!);
        }
    }

    /// <summary>symtable_visit_stmt FunctionDef / symtable_visit_expr Lambda: defaults in the enclosing block, then a new block.</summary>
    private void Function(AstNode node, string name)
    {
        var args = node.Node("args");
        foreach (var d in args.Nodes("defaults"))
        {
            Expression(d!);
        }

        foreach (var d in args.Nodes("kw_defaults"))
        {
            if (d is not null)
            {
                Expression(d);
            }
        }

        if (node.Type == "FunctionDef")
        {
            foreach (var decorator in node.Nodes("decorator_list"))
            {
                Expression(decorator!);
            }
        }

        // compiler_set_qualname: a def whose name the enclosing function declares global is named as at module level.
        var global = node.Type == "FunctionDef" && (_current.Lookup(name) & Scope.DefGlobal) != 0;
        var qualname = _current.IsFunction && !global ? $"{_current.Qualname}.<locals>.{name}" : name;
        var scope = new Scope(qualname, node, _current);
        _current.Children.Add(scope);
        var outer = _current;
        _current = scope;
        foreach (var arg in args.Nodes("posonlyargs").Concat(args.Nodes("args")).Concat(args.Nodes("kwonlyargs"))
                     .Append(args.OptionalNode("vararg")).Append(args.OptionalNode("kwarg")))
        {
            if (arg is null)
            {
                continue;
            }

            var param = arg.Identifier("arg")!;
            if ((scope.Lookup(param) & Scope.DefParam) != 0)
            {
                throw Syntax($"duplicate argument '{param}' in function definition");
            }

            scope.Add(param, Scope.DefParam);
            scope.Params.Add(param);
        }

        if (node.Type == "FunctionDef")
        {
            Body(node.Nodes("body"));
        }
        else
        {
            Expression(node.Node("body"));
        }

        _current = outer;
    }

    private void Expression(AstNode e)
    {
        switch (e.Type)
        {
            case "Name":
                _current.Add(e.Identifier("id")!, e.Node("ctx").Type == "Load" ? Scope.Use : Scope.DefLocal);
                return;
            case "Lambda":
                Function(e, "<lambda>");
                return;
        }

        foreach (var field in e.Fields)
        {
            switch (field.Value)
            {
                case AstNode { Span: not null } child:
                    Expression(child);
                    break;
                case IReadOnlyList<AstNode?> children:
                    foreach (var child in children)
                    {
                        if (child is { Span: not null })
                        {
                            Expression(child);
                        }
                        else if (child is { Type: "keyword" } keyword)
                        {
                            Expression(keyword.Node("value"));
                        }
                    }

                    break;
            }
        }
    }

    // ------------------------------------------------------------------ analysis

    /// <summary>analyze_block: names of this block, then its children; returns the free names it passes up.</summary>
    private static void Analyze(Scope scope, HashSet<string>? bound, HashSet<string> free, HashSet<string> global)
    {
        var local = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in scope.Order)
        {
            AnalyzeName(scope, name, scope.Flags[name], bound, local, free, global);
        }

        var newBound = new HashSet<string>(StringComparer.Ordinal);
        if (scope.IsFunction)
        {
            newBound.UnionWith(local);
        }

        if (bound is not null)
        {
            newBound.UnionWith(bound);
        }

        var newGlobal = new HashSet<string>(global, StringComparer.Ordinal);
        var newFree = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in scope.Children)
        {
            var childFree = new HashSet<string>(StringComparer.Ordinal);
            Analyze(child, new HashSet<string>(newBound, StringComparer.Ordinal), childFree, new HashSet<string>(newGlobal, StringComparer.Ordinal));
            newFree.UnionWith(childFree);
        }

        // analyze_cells: a local that a nested block uses freely becomes a cell.
        if (scope.IsFunction)
        {
            foreach (var name in scope.Order.Where(n => scope.Scopes[n] == "LOCAL" && newFree.Contains(n)).ToList())
            {
                scope.Scopes[name] = "CELL";
                newFree.Remove(name);
            }
        }

        // update_symbols: free names of children passing through this block become free here too.
        foreach (var name in newFree)
        {
            if (scope.Scopes.ContainsKey(name))
            {
                continue;
            }

            if (bound is not null && !bound.Contains(name))
            {
                continue;
            }

            scope.Scopes[name] = "FREE";
            scope.Order.Add(name);
            scope.Flags[name] = 0;
        }

        free.UnionWith(newFree);
    }

    private static void AnalyzeName(Scope scope, string name, int flags, HashSet<string>? bound, HashSet<string> local, HashSet<string> free, HashSet<string> global)
    {
        if ((flags & Scope.DefGlobal) != 0)
        {
            if ((flags & Scope.DefNonlocal) != 0)
            {
                throw Syntax($"name '{name}' is nonlocal and global");
            }

            scope.Scopes[name] = "GLOBAL_EXPLICIT";
            global.Add(name);
            bound?.Remove(name);
            return;
        }

        if ((flags & Scope.DefNonlocal) != 0)
        {
            if (bound is null)
            {
                throw Syntax("nonlocal declaration not allowed at module level");
            }

            if (!bound.Contains(name))
            {
                throw Syntax($"no binding for nonlocal '{name}' found");
            }

            scope.Scopes[name] = "FREE";
            free.Add(name);
            return;
        }

        if ((flags & (Scope.DefLocal | Scope.DefParam)) != 0)
        {
            scope.Scopes[name] = "LOCAL";
            local.Add(name);
            global.Remove(name);
            return;
        }

        if (bound is not null && bound.Contains(name))
        {
            scope.Scopes[name] = "FREE";
            free.Add(name);
            return;
        }

        scope.Scopes[name] = "GLOBAL_IMPLICIT";
    }
}
