namespace Pynsights.Simulation.Attributes;

/// <summary>
/// <c>value</c>: what <c>obj.name</c> gives (a repr; methods as <c>bound method A.m</c>, plain functions as
/// <c>function A.f</c>, since their reprs hold addresses); <c>foundIn</c>: <c>data descriptor</c>,
/// <c>instance __dict__</c>, <c>non-data descriptor</c>, <c>class attribute</c> or <c>__getattr__</c>;
/// <c>owner</c>: the class whose dict held it (null for the instance dict); <c>error</c>: CPython's AttributeError.
/// </summary>
public sealed record AttributeLookupResult(string? Value, string? FoundIn, string? Owner, PythonError? Error);
