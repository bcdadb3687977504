using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Lists;

/// <summary>
/// One list-growth trace: a PyListObject's ob_size, allocated and ob_item==NULL modelled through the C functions
/// that build and change it (Objects/listobject.c), with one step per list_resize, element write and memmove.
/// </summary>
internal sealed class ListGrowthRun(
    JsonObject canonicalInput,
    PythonVersion version,
    string kind,
    long length,
    IReadOnlyList<ListOperation> operations) : SimulationRun(canonicalInput)
{
    /// <summary>
    /// sys.getsizeof(list) = __sizeof__ (basicsize + allocated * 8) + the GC pre-header. Default builds: basicsize 40
    /// (16-byte PyObject header, ob_size, ob_item, allocated) + 16 for PyGC_Head. Free-threaded builds: basicsize 56
    /// (32-byte header: ob_tid, flags, ob_mutex, ob_gc_bits, ob_ref_local, ob_ref_shared, ob_type) and no PyGC_Head
    /// (_PyType_PreHeaderSize skips it under Py_GIL_DISABLED, Include/internal/pycore_object.h). Both give 56.
    /// 3.14t's list___sizeof___impl reads the _PyListArray capacity, which list_allocate_array sets to the same
    /// allocated count, and its own header is not counted.
    /// </summary>
    private const long EmptyListSize = 56;

    private static readonly string[] SlotIds = ["slot"];
    private static readonly string[] AllocatedIds = ["allocated", "len"];
    private static readonly string[] MoveIds = ["movedFrom", "movedCount"];
    private static readonly string[] NoIds = [];

    private readonly List<ListSizes> _states = [];
    private ListGrowthResult? _result;
    private long _size;
    private long _allocated;
    private bool _obItemNull = true;
    private int _index;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        foreach (var step in Build())
        {
            yield return step;
        }

        _states.Add(Sizes());
        foreach (var operation in operations)
        {
            for (long repetition = 0; repetition < (operation.Op is "extend" or "clear" ? 1 : operation.Count); repetition++)
            {
                PythonError? error = null;
                foreach (var step in Apply(operation, e => error = e))
                {
                    yield return step;
                }

                if (error is not null)
                {
                    _result = new ListGrowthResult(_states, error);
                    yield return Make("exception", $"{operation.Op} raises {error.Type}: {error.Message}.", NoIds,
                        operation.Op == "pop" ? ListSource.Pop(version) : ListSource.Insert(version));
                    yield break;
                }
            }

            _states.Add(Sizes());
        }

        _result = new ListGrowthResult(_states, null);
    }

    private ListSizes Sizes() => new(_size, _allocated, GetSizeOf);

    private long GetSizeOf => EmptyListSize + (_allocated * 8);

    private Step Make(string stepKind, string message, IReadOnlyList<string> highlight, SourceLocation source,
        long? slot = null, long? movedFrom = null, long? movedCount = null) =>
        new(_index++, stepKind, message, new ListState(_size, _allocated, GetSizeOf, _obItemNull, slot, movedFrom, movedCount), highlight, source);

    private IEnumerable<Step> Build()
    {
        var n = length;
        switch (kind)
        {
            case "empty":
                yield return Make("new", "[] is BUILD_LIST 0: PyList_New(0) leaves ob_item NULL and allocated 0.", AllocatedIds, ListSource.New(version));
                break;

            case "repeat" when n == 0:
                yield return Make("new", "[None] * 0: list_repeat returns PyList_New(0), ob_item NULL.", AllocatedIds, ListSource.Repeat(version));
                break;

            case "repeat":
                // list_repeat -> list_new_prealloc(size): exactly n slots, no over-allocation; ob_size is set last.
                _allocated = n;
                _obItemNull = false;
                yield return Make("new", $"[None] * {n}: list_repeat calls list_new_prealloc({n}), exactly {n} slots.", AllocatedIds, ListSource.NewPrealloc(version));
                for (long i = 0; i < n; i++)
                {
                    yield return Make("write", $"ob_item[{i}] = None.", SlotIds, ListSource.Repeat(version), slot: i);
                }

                _size = n;
                break;

            case "range":
                yield return Make("new", $"list(range({n})): list.__init__ extends an empty list (ob_item NULL) from an iterator.", AllocatedIds, ListSource.ExtendIter(version));
                foreach (var step in ExtendFromIterator(n))
                {
                    yield return step;
                }

                break;

            case "tuple":
                yield return Make("new", $"list(tuple(range({n}))): list.__init__ extends an empty list from a tuple.", AllocatedIds, ListSource.ExtendFast(version));
                foreach (var step in ExtendFromSequence(n))
                {
                    yield return step;
                }

                break;

            case "comprehension":
                yield return Make("new", "The comprehension starts from BUILD_LIST 0 (inlined in 3.12+ by PEP 709; the list is built the same way).", AllocatedIds, ListSource.New(version));
                for (long i = 0; i < n; i++)
                {
                    foreach (var step in Append())
                    {
                        yield return step;
                    }
                }

                break;

            case "literal":
                foreach (var step in BuildLiteral(n))
                {
                    yield return step;
                }

                break;

            default:
                throw new InvalidOperationException($"Unvalidated initial kind {kind}.");
        }
    }

    /// <summary>
    /// How the compiler builds [0, 1, ..., n-1]. Up to 3.13 (compiler.c/codegen, starunpack_helper) a display of
    /// more than 2 constants becomes BUILD_LIST 0 + LOAD_CONST tuple + LIST_EXTEND 1, any n. In 3.14 codegen.c
    /// emits BUILD_LIST 0 + one LIST_APPEND per item once n exceeds _PY_STACK_USE_GUIDELINE (30), and
    /// flowgraph.c optimize_lists_and_sets folds only 3 &lt;= n &lt;= 30 constants into the tuple + LIST_EXTEND form.
    /// </summary>
    private IEnumerable<Step> BuildLiteral(long n)
    {
        if (n is 1 or 2)
        {
            _size = n;
            _allocated = n;
            _obItemNull = false;
            yield return Make("new", $"A {n}-item display is BUILD_LIST {n}: PyList_New({n}), exactly {n} slots.", AllocatedIds, ListSource.New(version));
            for (long i = 0; i < n; i++)
            {
                yield return Make("write", $"ob_item[{i}] = {i}.", SlotIds, ListSource.New(version), slot: i);
            }

            yield break;
        }

        yield return Make("new", "The display starts with BUILD_LIST 0: PyList_New(0), ob_item NULL.", AllocatedIds, ListSource.New(version));
        if (n == 0)
        {
            yield break;
        }

        if (version.AtLeast(14) && n > 30)
        {
            for (long i = 0; i < n; i++)
            {
                foreach (var step in Append())
                {
                    yield return step;
                }
            }

            yield break;
        }

        foreach (var step in ExtendFromSequence(n))
        {
            yield return step;
        }
    }

    private IEnumerable<Step> Apply(ListOperation operation, Action<PythonError> raise)
    {
        switch (operation.Op)
        {
            case "append":
                return Append();
            case "extend":
                return operation.From == "iterator" ? ExtendFromIterator(operation.Count) : ExtendFromSequence(operation.Count);
            case "insert":
                return Insert(operation, raise);
            case "pop":
                return Pop(operation, raise);
            case "clear":
                return Clear("list.clear()");
            default:
                throw new InvalidOperationException($"Unvalidated operation {operation.Op}.");
        }
    }

    /// <summary>
    /// list_resize: in place when newsize fits and is at least half of allocated; otherwise reallocates to
    /// (newsize + (newsize >> 3) + 6) &amp; ~3, or to newsize rounded up to 4 when the growth is bigger than that
    /// over-allocation, or to 0 for newsize 0. The free-threaded build allocates a new _PyListArray of the same
    /// capacity instead of realloc (Py_GIL_DISABLED branch), so the numbers are the same.
    /// </summary>
    private IEnumerable<Step> Resize(long newsize)
    {
        var allocated = _allocated;
        if (allocated >= newsize && newsize >= (allocated >> 1))
        {
            _size = newsize;
            yield return Make("resize", $"list_resize({newsize}): {newsize} fits in allocated {allocated} and is at least half of it, so only ob_size changes.",
                AllocatedIds, ListSource.Resize(version));
            yield break;
        }

        var newAllocated = (newsize + (newsize >> 3) + 6) & ~3L;
        var formula = $"({newsize} + ({newsize} >> 3) + 6) & ~3 = {newAllocated}";
        if (newsize - _size > newAllocated - newsize)
        {
            newAllocated = (newsize + 3) & ~3L;
            formula += $", but growing by {newsize - _size} is more than that over-allocation, so ({newsize} + 3) & ~3 = {newAllocated}";
        }

        if (newsize == 0)
        {
            newAllocated = 0;
            formula = "newsize is 0, so new_allocated = 0 (ob_item stays a valid zero-length block)";
        }

        _size = newsize;
        _allocated = newAllocated;
        _obItemNull = false;
        yield return Make("resize", $"list_resize({newsize}): {formula}; ob_item reallocated from {allocated} to {newAllocated} slots.",
            AllocatedIds, ListSource.ResizeFormula(version));
    }

    /// <summary>list.append / LIST_APPEND: 3.11+ _PyList_AppendTakeRef writes straight into a spare slot; 3.10 app1 always calls list_resize.</summary>
    private IEnumerable<Step> Append()
    {
        var n = _size;
        if (!version.AtLeast(11) || _allocated <= n)
        {
            foreach (var step in Resize(n + 1))
            {
                yield return step;
            }
        }
        else
        {
            _size = n + 1;
        }

        yield return Make("write", $"append: ob_item[{n}] = item.", SlotIds, ListSource.Append(version), slot: n);
    }

    /// <summary>list_preallocate_exact: rounds up to an even count (pymalloc's 16-byte granularity on 64-bit).</summary>
    private Step PreallocateExact(long n)
    {
        _allocated = (n + 1) & ~1L;
        _obItemNull = false;
        return Make("preallocate", $"ob_item is NULL, so list_preallocate_exact({n}) allocates ({n} + 1) & ~1 = {_allocated} slots.", AllocatedIds, ListSource.PreallocateExact(version));
    }

    /// <summary>list_extend for an exact list or tuple (list_extend_fast from 3.13).</summary>
    private IEnumerable<Step> ExtendFromSequence(long n)
    {
        var source = ListSource.ExtendFast(version);
        if (n == 0)
        {
            yield return Make("extend", "The sequence is empty: list_extend returns at once.", NoIds, source);
            yield break;
        }

        var m = _size;
        if (_obItemNull)
        {
            yield return PreallocateExact(n);
            _size = n;
        }
        else
        {
            foreach (var step in Resize(m + n))
            {
                yield return step;
            }
        }

        for (long i = 0; i < n; i++)
        {
            yield return Make("write", $"ob_item[{m + i}] = item {i} of the sequence.", SlotIds, source, slot: m + i);
        }
    }

    /// <summary>
    /// list_extend for an iterator (list_extend_iter_lock_held from 3.13): preallocate from
    /// PyObject_LengthHint, fill spare slots, append beyond them, then cut back with list_resize(len) if the
    /// guess was too large. The iterator here (iter over a list, or a range) reports its exact length.
    /// </summary>
    private IEnumerable<Step> ExtendFromIterator(long n)
    {
        var source = ListSource.ExtendIter(version);
        var m = _size;
        if (_obItemNull)
        {
            if (n > 0)
            {
                yield return PreallocateExact(n);
            }
        }
        else
        {
            foreach (var step in Resize(m + n))
            {
                yield return step;
            }

            _size = m;
            yield return Make("extend", $"PyObject_LengthHint gave {n}: room made, ob_size set back to {m} before iterating.", AllocatedIds, source);
        }

        for (long i = 0; i < n; i++)
        {
            if (_size < _allocated)
            {
                var slot = _size;
                _size++;
                yield return Make("write", $"ob_item[{slot}] = next item.", SlotIds, source, slot: slot);
            }
            else
            {
                foreach (var step in Append())
                {
                    yield return step;
                }
            }
        }

        if (_size < _allocated)
        {
            foreach (var step in Resize(_size))
            {
                yield return step;
            }
        }
    }

    private bool ToSsizeT(ListOperation operation, Action<PythonError> raise, out long index)
    {
        if (operation.Index < long.MinValue || operation.Index > long.MaxValue)
        {
            // The index argument goes through PyNumber_AsSsize_t(..., PyExc_OverflowError) (Argument Clinic).
            raise(new PythonError("OverflowError", "Python int too large to convert to C ssize_t"));
            index = 0;
            return false;
        }

        index = (long)operation.Index;
        return true;
    }

    /// <summary>ins1: list_resize(n + 1), clamp where into 0..n, shift items [where, n) up by one, store.</summary>
    private IEnumerable<Step> Insert(ListOperation operation, Action<PythonError> raise)
    {
        if (!ToSsizeT(operation, raise, out var where))
        {
            yield break;
        }

        var n = _size;
        foreach (var step in Resize(n + 1))
        {
            yield return step;
        }

        if (where < 0)
        {
            where = Math.Max(where + n, 0);
        }

        where = Math.Min(where, n);
        if (n - where > 0)
        {
            yield return Make("memmove", $"insert: items {where}..{n - 1} move up one slot ({n - where} pointers).", MoveIds, ListSource.Insert(version),
                movedFrom: where, movedCount: n - where);
        }

        yield return Make("write", $"insert: ob_item[{where}] = item.", SlotIds, ListSource.Insert(version), slot: where);
    }

    /// <summary>
    /// list_pop_impl. Up to 3.11 it ends in list_resize(n - 1), also for the last item (list_ass_slice for the
    /// others); from 3.12 popping the only item clears the list (ob_item NULL) instead of resizing to 0.
    /// </summary>
    private IEnumerable<Step> Pop(ListOperation operation, Action<PythonError> raise)
    {
        if (!ToSsizeT(operation, raise, out var index))
        {
            yield break;
        }

        if (_size == 0)
        {
            raise(new PythonError("IndexError", "pop from empty list"));
            yield break;
        }

        if (index < 0)
        {
            index += _size;
        }

        if (index < 0 || index >= _size)
        {
            raise(new PythonError("IndexError", "pop index out of range"));
            yield break;
        }

        var sizeAfterPop = _size - 1;
        if (version.AtLeast(12) && sizeAfterPop == 0)
        {
            foreach (var step in Clear("pop of the only item"))
            {
                yield return step;
            }

            yield break;
        }

        if (sizeAfterPop - index > 0)
        {
            yield return Make("memmove", $"pop({index}): items {index + 1}..{sizeAfterPop} move down one slot ({sizeAfterPop - index} pointers).", MoveIds,
                ListSource.Pop(version), movedFrom: index + 1, movedCount: sizeAfterPop - index);
        }

        foreach (var step in Resize(sizeAfterPop))
        {
            yield return step;
        }
    }

    /// <summary>_list_clear (list_clear_impl from 3.13): frees ob_item, leaving it NULL with allocated 0.</summary>
    private IEnumerable<Step> Clear(string why)
    {
        if (_obItemNull)
        {
            yield return Make("clear", $"{why}: ob_item is already NULL, nothing to free.", NoIds, ListSource.Clear(version));
            yield break;
        }

        _size = 0;
        _allocated = 0;
        _obItemNull = true;
        yield return Make("clear", $"{why}: ob_item freed and set to NULL, allocated = 0.", AllocatedIds, ListSource.Clear(version));
    }
}
