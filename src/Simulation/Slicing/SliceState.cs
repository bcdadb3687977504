namespace Pynsights.Simulation.Slicing;

/// <summary>
/// The C variables of list subscripting after a step, named as in Objects/sliceobject.c and listobject.c: the
/// Py_ssize_t <c>start</c>, <c>stop</c>, <c>step</c> (null until PySlice_Unpack sets them), <c>slicelength</c>,
/// and during the copy loop <c>i</c> (items copied so far) and <c>cur</c> (the index read). O(1) per step whatever
/// the length.
/// </summary>
public sealed record SliceState(
    long Length,
    PyInteger? Start,
    PyInteger? Stop,
    PyInteger? Step,
    long? SliceLength,
    long? I,
    long? Cur);
