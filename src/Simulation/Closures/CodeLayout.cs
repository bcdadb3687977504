using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// The code objects Python/compile.c makes from an analysed table: parameters then locals in the order the
/// compiler first emits them (compiler_nameop) as <c>co_varnames</c>; cells and free names as
/// <c>co_cellvars</c> and <c>co_freevars</c> (sorted; from 3.11 a parameter that is a cell keeps its parameter
/// position, because the locals array lists it with the arguments). Nested code objects come out depth first in
/// compilation order (decorators and defaults before the function they belong to).
/// </summary>
internal sealed class CodeLayout(PythonVersion version)
{
    private readonly List<CodeObject> _functions = [];
    private readonly Dictionary<AstNode, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AstNode, CodeObject> _codes = new(ReferenceEqualityComparer.Instance);

    /// <summary>After <see cref="Lay"/>: each def and lambda node's code object, for the evaluator.</summary>
    public IReadOnlyDictionary<AstNode, CodeObject> Codes => _codes;

    /// <summary>After <see cref="Lay"/>: each def and lambda node's symbol table block.</summary>
    public IReadOnlyDictionary<AstNode, Scope> Scopes => _scopes;

    /// <summary>The SyntaxError compile.c raises for a misplaced return/break/continue, if any.</summary>
    public PythonError? Error { get; private set; }

    public IReadOnlyList<CodeObject> Lay(Scope module, AstNode tree)
    {
        Index(module);
        var moduleCode = new List<string>();
        Body(tree.Nodes("body"), module, moduleCode, loops: 0);
        return _functions;
    }

    private void Index(Scope scope)
    {
        if (scope.Node is not null)
        {
            _scopes[scope.Node] = scope;
        }

        foreach (var child in scope.Children)
        {
            Index(child);
        }
    }

    private void Compile(AstNode node)
    {
        var scope = _scopes[node];
        var varnames = new List<string>(scope.Params);
        var index = _functions.Count;
        _functions.Add(null!);
        if (node.Type == "FunctionDef")
        {
            Body(node.Nodes("body"), scope, varnames, loops: 0);
        }
        else
        {
            Expression(node.Node("body"), scope, varnames);
        }

        var cells = scope.Order.Where(n => scope.Scopes.GetValueOrDefault(n) == "CELL").ToList();
        List<string> cellvars = version.AtLeast(11)
            ? [.. scope.Params.Where(cells.Contains), .. cells.Where(c => !scope.Params.Contains(c)).Order(StringComparer.Ordinal)]
            : [.. cells.Order(StringComparer.Ordinal)];
        var freevars = scope.Order.Where(n => scope.Scopes.GetValueOrDefault(n) == "FREE").Order(StringComparer.Ordinal).ToList();
        _functions[index] = new CodeObject(scope.Qualname, varnames, cellvars, freevars);
        _codes[node] = _functions[index];
    }

    private void Name(string name, Scope scope, List<string> varnames)
    {
        if (scope.IsFunction && scope.Scopes.GetValueOrDefault(name) == "LOCAL" && !varnames.Contains(name))
        {
            varnames.Add(name);
        }
    }

    private void Body(IEnumerable<AstNode?> statements, Scope scope, List<string> varnames, int loops)
    {
        foreach (var statement in statements)
        {
            Statement(statement!, scope, varnames, loops);
            if (Error is not null)
            {
                return;
            }
        }
    }

    private void Statement(AstNode s, Scope scope, List<string> varnames, int loops)
    {
        switch (s.Type)
        {
            case "FunctionDef":
                foreach (var decorator in s.Nodes("decorator_list"))
                {
                    Expression(decorator!, scope, varnames);
                }

                Defaults(s.Node("args"), scope, varnames);
                Compile(s);
                Name(s.Identifier("name")!, scope, varnames);
                return;
            case "Assign":
                Expression(s.Node("value"), scope, varnames);
                foreach (var target in s.Nodes("targets"))
                {
                    Expression(target!, scope, varnames);
                }

                return;
            case "AugAssign":
                Expression(s.Node("target"), scope, varnames);
                Expression(s.Node("value"), scope, varnames);
                return;
            case "Import" or "ImportFrom":
                foreach (var alias in s.Nodes("names"))
                {
                    Name(SymbolTable.BoundName(alias!), scope, varnames);
                }

                return;
            case "For":
                Expression(s.Node("iter"), scope, varnames);
                Expression(s.Node("target"), scope, varnames);
                Body(s.Nodes("body"), scope, varnames, loops + 1);
                Body(s.Nodes("orelse"), scope, varnames, loops);
                return;
            case "While":
                Expression(s.Node("test"), scope, varnames);
                Body(s.Nodes("body"), scope, varnames, loops + 1);
                Body(s.Nodes("orelse"), scope, varnames, loops);
                return;
            case "If":
                Expression(s.Node("test"), scope, varnames);
                Body(s.Nodes("body"), scope, varnames, loops);
                Body(s.Nodes("orelse"), scope, varnames, loops);
                return;
            case "Return":
                if (!scope.IsFunction)
                {
                    Error ??= new PythonError("SyntaxError", "'return' outside function");
                    return;
                }

                if (s.OptionalNode("value") is { } value)
                {
                    Expression(value, scope, varnames);
                }

                return;
            case "Break" when loops == 0:
                Error ??= new PythonError("SyntaxError", "'break' outside loop");
                return;
            case "Continue" when loops == 0:
                Error ??= new PythonError("SyntaxError", "'continue' not properly in loop");
                return;
            case "Expr":
                if (s.Node("value").Type != "Constant")
                {
                    Expression(s.Node("value"), scope, varnames);
                }

                return;
            default:
                return;
        }
    }

    private void Defaults(AstNode args, Scope scope, List<string> varnames)
    {
        foreach (var d in args.Nodes("defaults"))
        {
            Expression(d!, scope, varnames);
        }

        foreach (var d in args.Nodes("kw_defaults"))
        {
            if (d is not null)
            {
                Expression(d, scope, varnames);
            }
        }
    }

    private void Expression(AstNode e, Scope scope, List<string> varnames)
    {
        switch (e.Type)
        {
            case "Name":
                Name(e.Identifier("id")!, scope, varnames);
                return;
            case "Lambda":
                Defaults(e.Node("args"), scope, varnames);
                Compile(e);
                return;
            case "Dict":
                // compiler_dict: each key then its value.
                var keys = e.Nodes("keys");
                var values = e.Nodes("values");
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is { } key)
                    {
                        Expression(key, scope, varnames);
                    }

                    Expression(values[i]!, scope, varnames);
                }

                return;
        }

        foreach (var field in e.Fields)
        {
            switch (field.Value)
            {
                case AstNode { Span: not null } child:
                    Expression(child, scope, varnames);
                    break;
                case IReadOnlyList<AstNode?> children:
                    foreach (var child in children)
                    {
                        if (child is { Span: not null })
                        {
                            Expression(child, scope, varnames);
                        }
                    }

                    break;
            }
        }
    }
}
