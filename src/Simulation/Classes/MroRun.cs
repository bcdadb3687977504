using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Classes;

/// <summary>
/// One mro trace: the source's class statements run in order. For each, the bases are looked up (NameError), then
/// type_new picks the best base (best_base: acceptable base types, solid_base layouts) and computes the MRO
/// (mro_implementation: the one-base fast path, check_duplicates, then the C3 merge of pmerge with set_mro_error).
/// </summary>
internal sealed class MroRun(
    JsonObject canonicalInput,
    PythonVersion version,
    IReadOnlyList<ClassStatement> statements,
    string target) : SimulationRun(canonicalInput)
{
    /// <summary>set_mro_error formats into a char buf[1000].</summary>
    private const int MroErrorBuffer = 1000;

    private readonly FrozenDictionary<string, PyClass> _builtins = BuiltinTypes.Create();
    private readonly Dictionary<string, PyClass> _namespace = new(StringComparer.Ordinal);
    private readonly List<PyClass> _created = [];
    private int _index;
    private MroResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    /// <summary>The classes the statements created, in statement order, up to the first that raised.</summary>
    public IReadOnlyList<PyClass> Created => _created;

    public override IEnumerable<Step> Steps()
    {
        foreach (var statement in statements)
        {
            foreach (var step in Create(statement))
            {
                yield return step;
            }

            if (_result is not null)
            {
                yield break;
            }
        }

        var cls = _namespace.GetValueOrDefault(target) ?? _builtins[target];
        var mro = cls.Mro.Select(c => c.Name).ToList();
        _result = new MroResult(mro, null);
        yield return new Step(_index++, "result", $"{target}.__mro__ = ({string.Join(", ", mro)}).",
            new MroState(target, 0, [.. cls.Bases.Select(b => b.Name)], null, cls.Base?.Name, null, null, mro, null), mro, null);
    }

    private Step Raise(MroState state, string type, string message, SourceLocation? source, IReadOnlyList<string> highlight)
    {
        _result = new MroResult(null, new PythonError(type, message));
        return new Step(_index++, "exception", $"{type}: {message}", state, highlight, source);
    }

    private IEnumerable<Step> Create(ClassStatement statement)
    {
        var name = statement.Name;
        var line = statement.Line;
        var bases = new List<PyClass>();
        foreach (var baseName in statement.BaseNames)
        {
            // The class statement evaluates its base expressions (LOAD_NAME) before anything else.
            if ((_namespace.GetValueOrDefault(baseName) ?? _builtins.GetValueOrDefault(baseName)) is not { } found)
            {
                yield return Raise(new MroState(name, line, statement.BaseNames, null, null, null, null, [], null),
                    "NameError", $"name '{baseName}' is not defined", null, [baseName]);
                yield break;
            }

            bases.Add(found);
        }

        var implicitObject = bases.Count == 0;
        if (implicitObject)
        {
            bases.Add(_builtins["object"]);
        }

        var baseNames = bases.Select(b => b.Name).ToList();
        yield return new Step(_index++, "class",
            implicitObject
                ? $"class {name}: no bases are written, so type_new uses (object,)."
                : $"class {name}({string.Join(", ", statement.BaseNames)}): tp_bases = ({string.Join(", ", baseNames)}{(baseNames.Count == 1 ? "," : "")}).",
            new MroState(name, line, baseNames, null, null, null, null, [], null), [name], MroSource.GetBases(version));

        // best_base: every base must allow subclassing, and one base's layout must extend all the others'.
        PyClass? winner = null, best = null;
        var solids = new List<SolidBase>();
        foreach (var @base in bases)
        {
            if (!@base.Acceptable)
            {
                yield return Raise(new MroState(name, line, baseNames, [.. solids], best?.Name, null, null, [], null),
                    "TypeError", $"type '{@base.Name}' is not an acceptable base type", MroSource.NotAcceptable(version), [@base.Name]);
                yield break;
            }

            var candidate = @base.Solid;
            solids.Add(new SolidBase(@base.Name, candidate.Name));
            string message;
            if (winner is null)
            {
                winner = candidate;
                best = @base;
                message = $"solid_base({@base.Name}) is {candidate.Name}: the first layout seen.";
            }
            else if (winner.IsSubtypeOf(candidate))
            {
                message = $"solid_base({@base.Name}) is {candidate.Name}, which {winner.Name} already extends: {best!.Name} stays the best base.";
            }
            else if (candidate.IsSubtypeOf(winner))
            {
                message = $"solid_base({@base.Name}) is {candidate.Name}, which extends {winner.Name}: {@base.Name} becomes the best base.";
                winner = candidate;
                best = @base;
            }
            else
            {
                yield return Raise(new MroState(name, line, baseNames, [.. solids], best!.Name, null, null, [], null),
                    "TypeError", "multiple bases have instance lay-out conflict", MroSource.LayoutConflict(version), [@base.Name, best.Name]);
                yield break;
            }

            yield return new Step(_index++, "solid-base", message,
                new MroState(name, line, baseNames, [.. solids], best!.Name, null, null, [], null), [@base.Name], MroSource.SolidBase(version));
        }

        yield return new Step(_index++, "best-base", $"tp_base = {best!.Name}: instances of {name} have its layout.",
            new MroState(name, line, baseNames, [.. solids], best.Name, null, null, [], null), [best.Name], MroSource.BestBase(version));

        List<PyClass> tail;
        if (bases.Count == 1)
        {
            tail = [.. bases[0].Mro];
            var fast = new List<string> { name };
            fast.AddRange(tail.Select(c => c.Name));
            yield return new Step(_index++, "mro",
                $"One base: the MRO is {name} followed by {bases[0].Name}.__mro__, no merge needed.",
                new MroState(name, line, baseNames, [.. solids], best.Name, null, null, fast, null), fast, MroSource.MroImplementation(version));
        }
        else
        {
            for (var i = 0; i < bases.Count; i++)
            {
                for (var j = i + 1; j < bases.Count; j++)
                {
                    if (ReferenceEquals(bases[i], bases[j]))
                    {
                        yield return Raise(new MroState(name, line, baseNames, [.. solids], best.Name, null, null, [], null),
                            "TypeError", $"duplicate base class {bases[i].Name}", MroSource.CheckDuplicates(version), [bases[i].Name]);
                        yield break;
                    }
                }
            }

            tail = [];
            foreach (var step in Merge(name, line, baseNames, solids, best.Name, bases, tail))
            {
                yield return step;
            }

            if (_result is not null)
            {
                yield break;
            }
        }

        var cls = PyClass.User(name, bases, best, tail, version);
        _namespace[name] = cls;
        _created.Add(cls);
        var names = cls.Mro.Select(c => c.Name).ToList();
        yield return new Step(_index++, "created", $"{name} is created: __mro__ = ({string.Join(", ", names)}).",
            new MroState(name, line, baseNames, [.. solids], best.Name, null, null, names, null), [name], null);
    }

    /// <summary>
    /// pmerge: repeatedly take the first head (of each base's MRO, then of the bases list) that is in no list's
    /// tail; when every remaining head is in some tail, set_mro_error names those heads.
    /// </summary>
    private IEnumerable<Step> Merge(string name, int line, List<string> baseNames, List<SolidBase> solids, string best,
        List<PyClass> bases, List<PyClass> acc)
    {
        var toMerge = new List<IReadOnlyList<PyClass>>();
        toMerge.AddRange(bases.Select(b => b.Mro));
        toMerge.Add(bases);
        var lists = toMerge.Select(l => (IReadOnlyList<string>)[.. l.Select(c => c.Name)]).ToList();
        var remain = new int[toMerge.Count];

        MroState State(string? candidate) =>
            new(name, line, baseNames, [.. solids], best, lists, [.. remain], [name, .. acc.Select(c => c.Name)], candidate);

        yield return new Step(_index++, "merge",
            $"C3 merge of {toMerge.Count - 1} MROs and the bases list: the MRO starts with {name}.",
            State(null), [name], MroSource.MroImplementation(version));

        while (true)
        {
            var emptyCount = 0;
            var chosen = false;
            for (var i = 0; i < toMerge.Count && !chosen; i++)
            {
                if (remain[i] >= toMerge[i].Count)
                {
                    emptyCount++;
                    continue;
                }

                var candidate = toMerge[i][remain[i]];
                var blocker = -1;
                for (var j = 0; j < toMerge.Count && blocker < 0; j++)
                {
                    for (var k = remain[j] + 1; k < toMerge[j].Count; k++)
                    {
                        if (ReferenceEquals(toMerge[j][k], candidate))
                        {
                            blocker = j;
                            break;
                        }
                    }
                }

                if (blocker >= 0)
                {
                    yield return new Step(_index++, "reject",
                        $"Head {candidate.Name} of list {i} is rejected: it appears later in list {blocker} ({string.Join(", ", lists[blocker].Skip(remain[blocker]))}), so something must come before it.",
                        State(candidate.Name), [candidate.Name], MroSource.TailContains(version));
                    continue;
                }

                acc.Add(candidate);
                for (var j = 0; j < toMerge.Count; j++)
                {
                    if (remain[j] < toMerge[j].Count && ReferenceEquals(toMerge[j][remain[j]], candidate))
                    {
                        remain[j]++;
                    }
                }

                chosen = true;
                yield return new Step(_index++, "select",
                    $"Head {candidate.Name} of list {i} is in no list's tail: it is appended to the MRO and removed from the heads.",
                    State(candidate.Name), [candidate.Name], MroSource.Pmerge(version));
            }

            if (chosen)
            {
                continue;
            }

            if (emptyCount != toMerge.Count)
            {
                yield return Raise(State(null), "TypeError", MroError(toMerge, remain), MroSource.SetMroError(version),
                    [.. Heads(toMerge, remain).Select(c => c.Name)]);
            }

            yield break;
        }
    }

    private static List<PyClass> Heads(List<IReadOnlyList<PyClass>> toMerge, int[] remain)
    {
        var heads = new List<PyClass>();
        for (var i = 0; i < toMerge.Count; i++)
        {
            if (remain[i] < toMerge[i].Count && !heads.Contains(toMerge[i][remain[i]]))
            {
                heads.Add(toMerge[i][remain[i]]);
            }
        }

        return heads;
    }

    /// <summary>
    /// set_mro_error's message: the remaining heads in first-seen order (a dict keyed by class). Up to 3.12 the C
    /// string literal breaks the line after "resolution"; 3.13 joined it with a space. Formatted into a 1000-byte
    /// buffer with snprintf, so a very long list is cut as CPython cuts it.
    /// </summary>
    private string MroError(List<IReadOnlyList<PyClass>> toMerge, int[] remain)
    {
        var heads = Heads(toMerge, remain);
        var buffer = new StringBuilder(version.AtLeast(13)
            ? "Cannot create a consistent method resolution order (MRO) for bases"
            : "Cannot create a consistent method resolution\norder (MRO) for bases");
        var off = buffer.Length;
        var n = heads.Count;
        foreach (var head in heads)
        {
            if (off >= MroErrorBuffer)
            {
                break;
            }

            var piece = " " + head.Name;
            off += piece.Length;
            buffer.Append(piece);
            if (--n > 0 && off + 1 < MroErrorBuffer)
            {
                buffer.Append(',');
                off++;
            }
        }

        var text = buffer.ToString();
        return text.Length > MroErrorBuffer - 1 ? text[..(MroErrorBuffer - 1)] : text;
    }
}
