using System.Text.Json.Nodes;
using Pynsights.Simulation.Classes;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// The source's classes once its class statements ran: each class's MRO comes from the mro simulator (type_new's
/// best base and C3 merge), so multiple inheritance orders lookups exactly as CPython does. When a statement
/// raises (an inconsistent MRO, a duplicate base), <see cref="CreationError"/> holds CPython's exception and
/// <see cref="FailedClass"/> the statement; the expression is then never evaluated.
/// </summary>
internal sealed class ClassTable
{
    private ClassTable(Dictionary<string, UserClass> classes, PythonError? creationError, ClassStatement? failedClass)
    {
        Classes = classes;
        CreationError = creationError;
        FailedClass = failedClass;
    }

    /// <summary>Name → the class it is bound to after the statements ran (a class that failed to be created is a placeholder).</summary>
    public IReadOnlyDictionary<string, UserClass> Classes { get; }

    public PythonError? CreationError { get; }

    public ClassStatement? FailedClass { get; }

    public static ClassTable Create(IReadOnlyList<ClassStatement> statements, IReadOnlyList<Dictionary<string, MethodBody>> methods, PythonVersion version)
    {
        var classes = new Dictionary<string, UserClass>(StringComparer.Ordinal);
        if (statements.Count == 0)
        {
            return new ClassTable(classes, null, null);
        }

        var run = new MroRun(new JsonObject(), version, statements, statements[^1].Name);
        foreach (var _ in run.Steps())
        {
        }

        var created = new Dictionary<PyClass, UserClass>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < run.Created.Count; i++)
        {
            var pyClass = run.Created[i];
            var cls = new UserClass(statements[i].Name, methods[i], pyClass.Mro.Skip(1).Where(c => !c.IsBuiltin).Select(c => created[c]));
            created[pyClass] = cls;
            classes[cls.Name] = cls;
        }

        if (((MroResult)run.Result).Error is not { } error)
        {
            return new ClassTable(classes, null, null);
        }

        // The failing statement and those after it never bind their names; the expression is not evaluated, so
        // placeholders only let it be read.
        for (var i = run.Created.Count; i < statements.Count; i++)
        {
            classes.TryAdd(statements[i].Name, new UserClass(statements[i].Name, methods[i], []));
        }

        return new ClassTable(classes, error, statements[run.Created.Count]);
    }
}
