namespace Pynsights.Simulation.Classes;

/// <summary>
/// Where class creation is after a step: the class being created and its bases; during best_base, each base's
/// <c>solid_base</c> and the winner so far; during the C3 merge, <c>to_merge</c> (each base's MRO, then the bases
/// themselves), <c>remain</c> (how far each list is consumed), the MRO built so far and the candidate looked at.
/// At most 8 bases and 24 classes, so a step is a whole snapshot.
/// </summary>
public sealed record MroState(
    string Class,
    int Line,
    IReadOnlyList<string> Bases,
    IReadOnlyList<SolidBase>? SolidBases,
    string? BestBase,
    IReadOnlyList<IReadOnlyList<string>>? ToMerge,
    IReadOnlyList<int>? Remain,
    IReadOnlyList<string> Mro,
    string? Candidate);
