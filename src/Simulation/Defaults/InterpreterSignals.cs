namespace Pynsights.Simulation.Defaults;

/// <summary>A Python exception raised inside the simulated code; caught by the call that runs it.</summary>
#pragma warning disable CA1064 // internal control flow of the interpreter, never seen by callers
internal sealed class PyRaise(PythonError error) : Exception(error.Message)
{
    public PythonError Error { get; } = error;
}

/// <summary>Code outside the modelled subset, met while running; turned into an input problem by the dry run.</summary>
internal sealed class NotModelled(string what) : Exception(what);
#pragma warning restore CA1064
