namespace Pynsights.Simulation;

/// <summary>
/// Something wrong with a simulator input, reported to the learner rather than thrown: the JSON path of the field,
/// what is wrong, and where relevant the limit that was exceeded or the column of a Python literal.
/// </summary>
public sealed record InputProblem(string Field, string Message, long? Limit = null, int? Column = null);
