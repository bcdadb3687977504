using System.Numerics;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Slicing;

/// <summary>One slicing trace: list subscripting step by step, then slice.indices for the result.</summary>
internal sealed class SlicingRun(
    JsonObject canonicalInput,
    PythonVersion version,
    long length,
    BigInteger? start,
    BigInteger? stop,
    BigInteger? step) : SimulationRun(canonicalInput)
{
    private const long PySsizeTMax = long.MaxValue;
    private const long PySsizeTMin = long.MinValue;

    private static readonly string[] StepIds = ["step"];
    private static readonly string[] StartIds = ["start"];
    private static readonly string[] StopIds = ["stop"];
    private static readonly string[] LengthIds = ["sliceLength"];
    private static readonly string[] VisitIds = ["cur", "i"];
    private static readonly string[] AllIds = ["start", "stop", "step"];

    private SlicingResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        var index = 0;

        // PySlice_Unpack: the step first, since its sign picks the defaults for start and stop.
        long cStep;
        string stepMessage;
        SourceLocation stepSource;
        if (step is not { } s)
        {
            cStep = 1;
            stepMessage = "step is None, so PySlice_Unpack uses step = 1.";
            stepSource = SliceSource.UnpackStepNone(version);
        }
        else if (s.IsZero)
        {
            var error = new PythonError("ValueError", "slice step cannot be zero");
            _result = new SlicingResult(null, null, error);
            yield return new Step(index, "exception", "step is 0: PySlice_Unpack raises ValueError: slice step cannot be zero.",
                new SliceState(length, null, null, 0, null, null, null), StepIds, SliceSource.UnpackStepZero(version));
            yield break;
        }
        else
        {
            var clamped = ToSsizeT(s);
            // -PY_SSIZE_T_MAX-1 becomes -PY_SSIZE_T_MAX so that "step = -step" can never overflow.
            cStep = Math.Max(clamped, -PySsizeTMax);
            stepMessage = cStep == s
                ? $"step = {cStep}."
                : $"step {s} is clamped to {cStep}: Py_ssize_t saturates, and -PY_SSIZE_T_MAX-1 becomes -PY_SSIZE_T_MAX.";
            stepSource = cStep == s ? SliceSource.UnpackStepNone(version) : SliceSource.UnpackStepClamp(version);
        }

        yield return new Step(index++, "unpack-step", stepMessage,
            new SliceState(length, null, null, cStep, null, null, null), StepIds, stepSource);

        var (cStart, startMessage) = Unpack(start, "start", cStep < 0 ? PySsizeTMax : 0, cStep < 0 ? "PY_SSIZE_T_MAX" : "0");
        yield return new Step(index++, "unpack-start", startMessage,
            new SliceState(length, cStart, null, cStep, null, null, null), StartIds, SliceSource.UnpackStart(version));

        var (cStop, stopMessage) = Unpack(stop, "stop", cStep < 0 ? PySsizeTMin : PySsizeTMax, cStep < 0 ? "PY_SSIZE_T_MIN" : "PY_SSIZE_T_MAX");
        yield return new Step(index++, "unpack-stop", stopMessage,
            new SliceState(length, cStart, cStop, cStep, null, null, null), StopIds, SliceSource.UnpackStop(version));

        // PySlice_AdjustIndices: negative indices count from the end, then both are clamped into the sequence.
        var (aStart, adjustStartMessage) = Adjust(cStart, cStep, "start");
        yield return new Step(index++, "adjust-start", adjustStartMessage,
            new SliceState(length, aStart, cStop, cStep, null, null, null), StartIds, SliceSource.AdjustStart(version));

        var (aStop, adjustStopMessage) = Adjust(cStop, cStep, "stop");
        yield return new Step(index++, "adjust-stop", adjustStopMessage,
            new SliceState(length, aStart, aStop, cStep, null, null, null), StopIds, SliceSource.AdjustStop(version));

        var sliceLength = SliceLength(aStart, aStop, cStep);
        var lengthMessage = sliceLength == 0
            ? $"slicelength = 0: with step {cStep} there is nothing from {aStart} to {aStop}."
            : cStep < 0
                ? $"slicelength = ({aStart} - {aStop} - 1) / {-cStep} + 1 = {sliceLength}."
                : $"slicelength = ({aStop} - {aStart} - 1) / {cStep} + 1 = {sliceLength}.";
        yield return new Step(index++, "slice-length", lengthMessage,
            new SliceState(length, aStart, aStop, cStep, sliceLength, null, null), LengthIds, SliceSource.AdjustLength(version));

        // The copy loop: cur starts at start and moves by step, exactly slicelength times.
        var selected = new List<long>((int)sliceLength);
        var visitSource = SliceSource.Visit(version);
        var cur = aStart;
        for (long i = 0; i < sliceLength; i++, cur += cStep)
        {
            selected.Add(cur);
            yield return new Step(index++, "visit", $"i = {i}: copy item {cur}.",
                new SliceState(length, aStart, aStop, cStep, sliceLength, i, cur), VisitIds, visitSource);
        }

        var indices = LongIndices();
        _result = new SlicingResult(indices, selected, null);
        yield return new Step(index, "indices",
            $"slice.indices({length}) = ({indices[0]}, {indices[1]}, {indices[2]}): the same clamping done on Python ints, so the step is not clamped to Py_ssize_t.",
            new SliceState(length, indices[0], indices[1], indices[2], sliceLength, null, null), AllIds, SliceSource.LongIndices(version));
    }

    /// <summary>_PyEval_SliceIndex via PyNumber_AsSsize_t(v, NULL): out-of-range ints saturate instead of raising.</summary>
    private static long ToSsizeT(BigInteger value) =>
        value > PySsizeTMax ? PySsizeTMax : value < PySsizeTMin ? PySsizeTMin : (long)value;

    private static (long Value, string Message) Unpack(BigInteger? given, string name, long none, string noneName)
    {
        if (given is not { } g)
        {
            return (none, $"{name} is None, so PySlice_Unpack uses {noneName} ({none}).");
        }

        var c = ToSsizeT(g);
        return (c, c == g ? $"{name} = {c}." : $"{name} {g} does not fit a Py_ssize_t; it is clamped to {c}.");
    }

    /// <summary>The start/stop half of PySlice_AdjustIndices.</summary>
    private (long Value, string Message) Adjust(long value, long cStep, string name)
    {
        if (value < 0)
        {
            var shifted = value + length;
            if (shifted >= 0)
            {
                return (shifted, $"{name} {value} is negative: {value} + {length} = {shifted}.");
            }

            var floor = cStep < 0 ? -1 : 0;
            return (floor, $"{name} {value} + {length} = {shifted} is still negative, so {name} = {floor}.");
        }

        if (value >= length)
        {
            var ceiling = cStep < 0 ? length - 1 : length;
            return (ceiling, $"{name} {value} >= length {length}, so {name} = {ceiling}.");
        }

        return (value, $"{name} {value} is already inside 0..{length}.");
    }

    /// <summary>The slice length PySlice_AdjustIndices returns (C division truncates, as C# does).</summary>
    internal static long SliceLength(long start, long stop, long step)
    {
        if (step < 0)
        {
            return stop < start ? ((start - stop - 1) / -step) + 1 : 0;
        }

        return start < stop ? ((stop - start - 1) / step) + 1 : 0;
    }

    /// <summary>_PySlice_GetLongIndices: the same bounds as AdjustIndices but on unbounded ints.</summary>
    private PyInteger[] LongIndices()
    {
        BigInteger bigStep = step ?? BigInteger.One;
        var negative = bigStep.Sign < 0;
        BigInteger lower = negative ? BigInteger.MinusOne : BigInteger.Zero;
        BigInteger upper = negative ? length - 1 : length;
        return [Bound(start, negative ? upper : lower), Bound(stop, negative ? lower : upper), bigStep];

        BigInteger Bound(BigInteger? given, BigInteger none)
        {
            if (given is not { } g)
            {
                return none;
            }

            if (g.Sign < 0)
            {
                g += length;
                return g < lower ? lower : g;
            }

            return g > upper ? upper : g;
        }
    }
}
