using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// One operator-dispatch trace: the source's class statements (their MROs from the C3 merge), then the expression.
/// Binary operators follow Objects/abstract.c <c>binary_op1</c> (<c>ternary_op</c> for <c>**</c>) and the class
/// slots of Objects/typeobject.c; comparisons <c>do_richcompare</c>; <c>in</c> <c>PySequence_Contains</c>;
/// <c>iter()</c> and <c>list()</c> <c>PyObject_GetIter</c>. The families live in the partial files. Identical in
/// 3.10 to 3.13; 3.14 changes the <c>in</c> error and makes <c>bool(NotImplemented)</c> a TypeError.
/// </summary>
internal sealed partial class OperatorDispatchRun(
    JsonObject canonicalInput,
    PythonVersion version,
    string expression,
    Operand left,
    string op,
    Operand right,
    bool inPlace,
    ClassTable table) : SimulationRun(canonicalInput)
{
    private static readonly PyValue NotImplemented = MethodBody.NotImplemented;

    private readonly List<Step> _steps = [];
    private readonly List<string> _calls = [];
    private string? _answeredBy;
    private OperatorDispatchResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        // A few dozen steps at most: computed whole, then handed out.
        _steps.Clear();
        _calls.Clear();
        try
        {
            if (table.CreationError is { } creation)
            {
                var failed = table.FailedClass!;
                Emit("class", $"line {failed.Line}: class {failed.Name}({string.Join(", ", failed.BaseNames)}) cannot be created, so {expression} is never evaluated.", "type_new", null, null);
                throw new OperatorError(creation);
            }

            var value = op switch
            {
                "len" => Length(),
                "bool" => Truth(),
                "not" => ReferenceEquals(Truth(), PyBool.True) ? PyBool.False : PyBool.True,
                "in" or "not in" => Contains(),
                "iter" => Iter(),
                "list" => List(),
                _ when Comparisons.ContainsKey(op) => RichCompare(left, op, right),
                _ => inPlace ? BinaryIOp1() : BinaryOp1(),
            };
            _result = new OperatorDispatchResult(value.Repr(), _answeredBy, [.. _calls], null);
            Emit("result", $"{expression} evaluates to {value.Repr()}" + (_answeredBy is null ? "." : $", answered by {_answeredBy}."), "", null, null);
        }
        catch (OperatorError error)
        {
            _result = new OperatorDispatchResult(null, null, [.. _calls], error.Error);
            Emit("exception", $"{error.Error.Type}: {error.Error.Message}", "", null, null);
        }

        return _steps;
    }

#pragma warning disable CA1064 // internal control flow, never leaves the run
    private sealed class OperatorError(PythonError error) : Exception(error.Message)
#pragma warning restore CA1064
    {
        public PythonError Error { get; } = error;
    }

    private static OperatorError Raise(string type, string message) => new(new PythonError(type, message));

    private void Emit(string kind, string message, string function, string? method, PyValue? returned) =>
        _steps.Add(new Step(_steps.Count, kind, message,
            new OperatorDispatchState(expression, function, method, returned?.Repr(), [.. _calls]),
            method is null ? [] : [method], Source(function)));

    private SourceLocation? Source(string function) => function switch
    {
        "binary_op1" => OperatorSource.BinaryOp1(version),
        "binary_iop1" => OperatorSource.BinaryIOp1(version),
        "ternary_op" => OperatorSource.TernaryOp(version),
        "ternary_iop" => OperatorSource.TernaryIOp(version),
        "do_richcompare" => OperatorSource.DoRichCompare(version),
        "slot_tp_richcompare" => OperatorSource.SlotRichCompare(version),
        "object_richcompare" => OperatorSource.ObjectRichCompare(version),
        "slot_nb_inplace_power" => OperatorSource.SlotInplacePower(version),
        _ when function.StartsWith("slot_nb_inplace_", StringComparison.Ordinal) => OperatorSource.Slot1(version),
        "slot_nb_bool" => OperatorSource.SlotBool(version),
        _ when function.StartsWith("slot_nb_", StringComparison.Ordinal) => OperatorSource.SlotBinFull(version),
        "slot_sq_length" => OperatorSource.SlotLength(version),
        "PySequence_Contains" => OperatorSource.SequenceContains(version),
        "slot_sq_contains" => OperatorSource.SlotContains(version),
        "_PySequence_IterSearch" => OperatorSource.IterSearch(version),
        "PyObject_GetIter" => OperatorSource.GetIter(version),
        "slot_tp_iter" => OperatorSource.SlotIter(version),
        "slot_sq_item" => OperatorSource.SlotItem(version),
        "iter_iternext" => OperatorSource.SeqIterNext(version),
        "PyObject_LengthHint" => OperatorSource.LengthHint(version),
        "PyObject_IsTrue" => OperatorSource.IsTrue(version),
        "list_extend" => OperatorSource.ListExtend(version),
        _ => null,
    };

    /// <summary>
    /// Calls <paramref name="owner"/>'s <paramref name="name"/> with <paramref name="arguments"/> (as text) and runs
    /// its body: a constant, an iterator, or the item at <paramref name="index"/> (IndexError past the end). A
    /// method set to None is found, so its slot is filled, but calling None raises TypeError.
    /// </summary>
    private PyValue Call(UserClass owner, string name, string function, string arguments, int index = 0)
    {
        var label = $"{owner.Name}.{name}";
        var body = owner.Methods[name];
        if (body.Kind == BodyKind.None)
        {
            Emit("call-none", $"{label} is None: calling None({arguments}) raises TypeError.", function, label, null);
            throw Raise("TypeError", "'NoneType' object is not callable");
        }

        _calls.Add(label);
        if (body.Kind == BodyKind.ReturnItem && index >= body.Items.Count)
        {
            Emit("call", $"{label}({arguments}): {body.Display()}[{index}] raises IndexError.", function, label, null);
            throw Raise("IndexError", $"{body.Sequence} index out of range");
        }

        var value = body.Kind switch
        {
            BodyKind.ReturnIterator => new IteratorValue($"{body.Sequence}_iterator", body.Items),
            BodyKind.ReturnItem => body.Items[index],
            _ => body.Value!,
        };
        if (!ReferenceEquals(value, NotImplemented))
        {
            _answeredBy = label;
        }

        Emit("call", $"{label}({arguments}) returns {value.Repr()}.", function, label, value);
        return value;
    }

    /// <summary>
    /// PyObject_IsTrue of a returned value. NotImplemented is true with a DeprecationWarning up to 3.13 and a
    /// TypeError from 3.14 (Objects/object.c notimplemented_bool).
    /// </summary>
    private bool IsTrue(PyValue value)
    {
        if (ReferenceEquals(value, NotImplemented))
        {
            if (version.AtLeast(14))
            {
                Emit("truth", "NotImplemented in a boolean context raises TypeError.", "PyObject_IsTrue", null, value);
                throw Raise("TypeError", "NotImplemented should not be used in a boolean context");
            }

            Emit("truth", "NotImplemented in a boolean context is true (with a DeprecationWarning).", "PyObject_IsTrue", null, value);
            return true;
        }

        return value switch
        {
            PyNone => false,
            PyBool b => b.Value,
            PyInt i => !i.Value.IsZero,
            PyStr s => s.CodePoints.Count > 0,
            PyFloat f => f.Value != 0,
            _ => true,
        };
    }
}
