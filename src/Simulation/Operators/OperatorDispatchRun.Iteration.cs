using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// <c>in</c>, <c>iter()</c> and <c>list()</c>: Objects/abstract.c <c>PySequence_Contains</c> (sq_contains, that is
/// <c>slot_sq_contains</c>, else <c>_PySequence_IterSearch</c>), <c>PyObject_GetIter</c> (tp_iter, that is
/// <c>slot_tp_iter</c>, else the old sequence protocol through Objects/iterobject.c <c>PySeqIter_New</c> when the
/// class has <c>__getitem__</c>), and Objects/listobject.c list_extend (the iterator first, then
/// <c>PyObject_LengthHint</c>, then every item).
/// </summary>
internal sealed partial class OperatorDispatchRun
{
    /// <summary>PySequence_Contains(right, left), inverted for <c>not in</c>.</summary>
    private PyValue Contains()
    {
        var cls = right.Class!;
        bool found;
        if (cls.Owner("__contains__") is { } owner)
        {
            Emit("sq-contains", $"{cls.Name} has sq_contains (slot_sq_contains, from {owner.Name}.__contains__): PySequence_Contains calls it.", "PySequence_Contains", null, null);
            if (owner.Methods["__contains__"].Kind == BodyKind.None)
            {
                // slot_sq_contains checks for None before calling: a class that sets __contains__ = None opts out.
                Emit("contains-none", $"{owner.Name}.__contains__ is None: {cls.Name} declares it is not a container, and no iteration is tried.", "slot_sq_contains", $"{owner.Name}.__contains__", null);
                throw Raise("TypeError", $"'{cls.Name}' object is not a container");
            }

            var value = Call(owner, "__contains__", "slot_sq_contains", $"{right.Text}, {left.Text}");
            found = IsTrue(value);
            _answeredBy = $"{owner.Name}.__contains__";
            Emit("contains", $"slot_sq_contains takes the truth of {value.Repr()}: {(found ? "found" : "not found")}.", "slot_sq_contains", null, found ? PyBool.True : PyBool.False);
        }
        else
        {
            Emit("iter-search", $"{cls.Name} has no __contains__: _PySequence_IterSearch iterates it, comparing each item with {left.Text}.", "PySequence_Contains", null, null);
            IteratorValue iterator;
            try
            {
                iterator = GetIter(right);
            }
            catch (OperatorError error) when (error.Error.Type == "TypeError")
            {
                Emit("not-iterable", $"PyObject_GetIter raised TypeError ({error.Error.Message}); _PySequence_IterSearch raises its own instead.", "_PySequence_IterSearch", null, null);
                throw Raise("TypeError", version.AtLeast(14)
                    ? $"argument of type '{cls.Name}' is not a container or iterable"
                    : $"argument of type '{cls.Name}' is not iterable");
            }

            var maker = _answeredBy;
            found = false;
            for (var index = 0; !found && Next(iterator, right, index) is { } item; index++)
            {
                found = ItemEquals(item, left);
            }

            _answeredBy = maker;
            Emit("contains", found ? $"An item equals {left.Text}: the search stops." : $"No item equals {left.Text}.", "_PySequence_IterSearch", null, found ? PyBool.True : PyBool.False);
        }

        return found != (op == "not in") ? PyBool.True : PyBool.False;
    }

    /// <summary>PyObject_RichCompareBool(item, x, Py_EQ), as _PySequence_IterSearch asks it (the item on the left).</summary>
    private bool ItemEquals(PyValue item, Operand x)
    {
        if (x.Class is null)
        {
            var equal = PyEquality.Equal(item, x.Constant!);
            Emit("compare", $"{item.Repr()} == {x.Text} is {(equal ? "True" : "False")}.", "_PySequence_IterSearch", null, equal ? PyBool.True : PyBool.False);
            return equal;
        }

        Emit("compare", $"Is {item.Repr()} == {x.Text}? PyObject_RichCompareBool asks do_richcompare.", "_PySequence_IterSearch", null, null);
        return IsTrue(RichCompare(Operand.Of(item), "==", x));
    }

    /// <summary>PyObject_GetIter(container): tp_iter (slot_tp_iter calls __iter__, which must give an iterator), else a sequence iterator over __getitem__.</summary>
    private IteratorValue GetIter(Operand container)
    {
        var cls = container.Class!;
        if (cls.Owner("__iter__") is { } owner)
        {
            Emit("tp-iter", $"{cls.Name} has tp_iter (slot_tp_iter, from {owner.Name}.__iter__).", "PyObject_GetIter", null, null);
            if (owner.Methods["__iter__"].Kind == BodyKind.None)
            {
                // slot_tp_iter checks for None first: __iter__ = None blocks the __getitem__ fallback too.
                Emit("iter-none", $"{owner.Name}.__iter__ is None: {cls.Name} declares it is not iterable, even through __getitem__.", "slot_tp_iter", $"{owner.Name}.__iter__", null);
                throw Raise("TypeError", $"'{cls.Name}' object is not iterable");
            }

            var value = Call(owner, "__iter__", "slot_tp_iter", container.Text);
            if (value is IteratorValue iterator)
            {
                return iterator;
            }

            Emit("non-iterator", $"{owner.Name}.__iter__ returned a {value.TypeName}, which has no __next__: not an iterator.", "PyObject_GetIter", null, value);
            throw Raise("TypeError", $"iter() returned non-iterator of type '{value.TypeName}'");
        }

        if (cls.Owner("__getitem__") is { } getitem)
        {
            Emit("seq-iter", $"{cls.Name} has no __iter__ but has __getitem__ (from {getitem.Name}): PySeqIter_New makes an iterator that calls it with 0, 1, 2, ... until IndexError or StopIteration.", "PyObject_GetIter", null, null);
            _answeredBy = $"{getitem.Name}.__getitem__";
            return new IteratorValue("iterator", []);
        }

        Emit("no-iter", $"{cls.Name} defines neither __iter__ nor __getitem__.", "PyObject_GetIter", null, null);
        throw Raise("TypeError", $"'{cls.Name}' object is not iterable");
    }

    /// <summary>The iterator's next item, or null once it is exhausted (a sequence iterator stops at IndexError or StopIteration).</summary>
    private PyValue? Next(IteratorValue iterator, Operand container, int index)
    {
        if (!iterator.IsSequenceIterator)
        {
            if (index < iterator.Items.Count)
            {
                Emit("next", $"The {iterator.TypeName} yields {iterator.Items[index].Repr()}.", $"{iterator.TypeName[..^"_iterator".Length]}iter_next", null, iterator.Items[index]);
                return iterator.Items[index];
            }

            Emit("exhausted", $"The {iterator.TypeName} is exhausted.", $"{iterator.TypeName[..^"_iterator".Length]}iter_next", null, null);
            return null;
        }

        var owner = container.Class!.Owner("__getitem__")!;
        try
        {
            return Call(owner, "__getitem__", "slot_sq_item", $"{container.Text}, {index}", index);
        }
        catch (OperatorError error) when (error.Error.Type is "IndexError" or "StopIteration")
        {
            Emit("exhausted", $"iter_iternext: {error.Error.Type} from __getitem__({index}) ends the iteration.", "iter_iternext", null, null);
            return null;
        }
    }

    /// <summary>iter(A()): builtin_iter is PyObject_GetIter.</summary>
    private PyValue Iter() => GetIter(left);

    /// <summary>list(A()): list_extend takes the iterator, asks PyObject_LengthHint (which swallows a TypeError from __len__), then drains it.</summary>
    private PyValue List()
    {
        var iterator = GetIter(left);
        var maker = _answeredBy;
        if (left.Class!.Owner("__len__") is { } lenOwner)
        {
            Emit("length-hint", $"{left.TypeName} has __len__: list_extend asks PyObject_LengthHint how many slots to preallocate.", "list_extend", null, null);
            try
            {
                var n = LenOf(lenOwner, left);
                Emit("length-hint", $"The list makes room for {n} items.", "PyObject_LengthHint", null, null);
            }
            catch (OperatorError error) when (error.Error.Type == "TypeError")
            {
                Emit("length-hint", $"PyObject_LengthHint swallows the TypeError ({error.Error.Message}) and guesses 8.", "PyObject_LengthHint", null, null);
            }
        }

        var items = new List<PyValue>();
        for (var index = 0; Next(iterator, left, index) is { } item; index++)
        {
            items.Add(item);
        }

        _answeredBy = maker;
        return new PyUnhashable("list", "[" + string.Join(", ", items.Select(i => i.Repr())) + "]");
    }
}
