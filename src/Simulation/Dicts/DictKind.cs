namespace Pynsights.Simulation.Dicts;

/// <summary>
/// <c>dk_kind</c> (Include/internal/pycore_dict.h, 3.11+): which entry layout the keys object uses. 3.10 has no
/// <c>dk_kind</c>; its lookup function plays the part (<c>lookdict_split</c> for the shared empty keys,
/// <c>lookdict_unicode[_nodummy]</c>, <c>lookdict</c>), mapped here to the same three names.
/// </summary>
internal enum DictKind
{
    General,
    Unicode,
    Split,
}
