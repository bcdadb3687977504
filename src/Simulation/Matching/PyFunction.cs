using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// A def of a class body. Only <c>__init__</c> is ever called (by the subject's constructor calls): its signature
/// (defaults evaluated when the def ran), its <c>FunctionDef</c> and the class it was defined in (what
/// <c>super()</c> starts after); other defs are never run.
/// </summary>
internal sealed class PyFunction(string qualname, FunctionSignature signature, AstNode def, PyClassObject owner, IReadOnlyDictionary<string, Subject> defaults) : PyValue
{
    public string Qualname { get; } = qualname;

    public FunctionSignature Signature { get; } = signature;

    public AstNode Def { get; } = def;

    public PyClassObject Owner { get; } = owner;

    /// <summary>The default of each parameter that has one, by name.</summary>
    public IReadOnlyDictionary<string, Subject> Defaults { get; } = defaults;

    public override string TypeName => "function";

    public override string Repr() => $"<function {Qualname} at {PyInstance.Address}>";
}
