namespace Pynsights.Simulation;

/// <summary>
/// The slots each operation of a hash-table simulation probed, kept in one flat list as the run goes (one array per
/// operation would be a million small objects outliving their step on a long trace) and split per operation once,
/// for the result.
/// </summary>
internal sealed class ProbeLog(int operations)
{
    private readonly List<int> _slots = [];
    private readonly List<int> _ends = new(operations);

    /// <summary>Records the slots one operation probed, in order.</summary>
    public void Record(List<int> probes)
    {
        _slots.AddRange(probes);
        _ends.Add(_slots.Count);
    }

    /// <summary>Per recorded operation, its slots.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ToLists()
    {
        var lists = new IReadOnlyList<int>[_ends.Count];
        var start = 0;
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = _slots.GetRange(start, _ends[i] - start).ToArray();
            start = _ends[i];
        }

        return lists;
    }
}
