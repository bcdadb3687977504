namespace Pynsights.Simulation.Lists;

/// <summary>
/// A PyListObject after a step: <c>len</c> (ob_size), <c>allocated</c>, <c>sys.getsizeof</c>, whether
/// <c>ob_item</c> is NULL (it decides between list_preallocate_exact and list_resize on extend), and the slot the
/// step wrote or the range it moved. Slots 0..len-1 hold items and len..allocated-1 are spare, so this is the whole
/// structure in O(1) whatever the size.
/// </summary>
public sealed record ListState(long Len, long Allocated, long Getsizeof, bool ObItemNull, long? Slot, long? MovedFrom, long? MovedCount);
