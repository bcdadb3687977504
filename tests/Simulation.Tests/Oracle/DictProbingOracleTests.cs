using Pynsights.Simulation.Dicts;

namespace Pynsights.Simulation.Tests.Oracle;

public sealed class DictProbingOracleTests
{
    public static TheoryData<string, int> Cases => ProbingFixtures.Cases("dict-probing");

    // The 3.13 fixtures come from 3.13.0, which still sizes resizes with the 3.11 formula (see Early313).
    [Theory]
    [MemberData(nameof(Cases))]
    public void DictMatchesCPython(string version, int index) =>
        ProbingFixtures.Check(new DictProbingSimulator { Early313 = version == "3.13" }, version, index,
            "used", "log2Size", "usable", "nentries", "kind", "indices", "entries", "iterationOrder", "getsizeof", "probes", "error");
}
