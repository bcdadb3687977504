using Pynsights.Simulation.Sets;

namespace Pynsights.Simulation.Tests.Oracle;

public sealed class SetProbingOracleTests
{
    public static TheoryData<string, int> Cases => ProbingFixtures.Cases("set-probing");

    [Theory]
    [MemberData(nameof(Cases))]
    public void SetMatchesCPython(string version, int index) =>
        ProbingFixtures.Check(new SetProbingSimulator(), version, index,
            "mask", "fill", "used", "table", "iterationOrder", "getsizeof", "probes", "error");
}
