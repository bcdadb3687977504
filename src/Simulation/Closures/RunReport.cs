namespace Pynsights.Simulation.Closures;

/// <summary>
/// The function objects of a finished run, found from the globals in order: depth first through list, tuple and
/// dict items, each function's <c>__dict__</c> values (so <c>__wrapped__</c> chains), its closure cells' contents,
/// and a cell's contents; each function and cell is numbered when first met. tests/oracle/closures.py walks
/// CPython's objects the same way.
/// </summary>
internal sealed class RunReport
{
    private readonly List<FunctionReport> _functions = [];
    private readonly HashSet<PyObj> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CellObj, int> _cells = new(ReferenceEqualityComparer.Instance);

    public static IReadOnlyList<FunctionReport> Functions(DictObj globals)
    {
        var report = new RunReport();
        foreach (var (name, value) in globals.Entries.Where(e => e.Key != "__name__"))
        {
            report.Visit(value, name);
        }

        return report._functions;
    }

    private int CellNumber(CellObj cell)
    {
        if (!_cells.TryGetValue(cell, out var number))
        {
            number = _cells.Count + 1;
            _cells[cell] = number;
        }

        return number;
    }

    private void Visit(PyObj value, string path)
    {
        if (value is ValueObj || !_seen.Add(value))
        {
            return;
        }

        switch (value)
        {
            case FunctionObj f:
                _functions.Add(new FunctionReport(path, f.Name, f.Qualname, Reprs.Repr(f.Doc), Reprs.Repr(f.Module),
                    f.Dict.Entries.ToDictionary(e => e.Key, e => Reprs.Repr(e.Value), StringComparer.Ordinal),
                    [.. f.Closure.Select((c, i) => new ClosureCell(f.Code.Freevars[i], CellNumber(c), c.Contents is null ? null : Reprs.Repr(c.Contents)))]));
                foreach (var (key, item) in f.Dict.Entries)
                {
                    Visit(item, $"{path}.{key}");
                }

                for (var i = 0; i < f.Closure.Count; i++)
                {
                    if (f.Closure[i].Contents is { } contents)
                    {
                        Visit(contents, $"{path}.__closure__[{i}].cell_contents");
                    }
                }

                break;
            case CellObj c:
                CellNumber(c);
                if (c.Contents is { } inside)
                {
                    Visit(inside, $"{path}.cell_contents");
                }

                break;
            case ListObj l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    Visit(l.Items[i], $"{path}[{i}]");
                }

                break;
            case TupleObj t:
                for (var i = 0; i < t.Items.Count; i++)
                {
                    Visit(t.Items[i], $"{path}[{i}]");
                }

                break;
            case DictObj d:
                foreach (var (key, item) in d.Entries)
                {
                    Visit(item, $"{path}[{ValueObj.Str(key).Value.Repr()}]");
                }

                break;
        }
    }
}
