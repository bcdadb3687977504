namespace Pynsights.Simulation.Tests;

public sealed class PythonVersionTests
{
    [Theory]
    [InlineData("3.10", 10, false)]
    [InlineData("3.13t", 13, true)]
    [InlineData("3.14t", 14, true)]
    public void ParsesEveryModelledVersion(string text, int minor, bool freeThreaded)
    {
        Assert.True(PythonVersion.TryParse(text, out var version));
        Assert.Equal(new PythonVersion(minor, freeThreaded), version);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("3.9")]
    [InlineData("3.12t")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsVersionsNotModelled(string? text) => Assert.False(PythonVersion.TryParse(text, out _));

    [Fact]
    public void OrdersByMinorThenBuild()
    {
        Assert.True(PythonVersion.V313 < PythonVersion.V313T);
        Assert.True(PythonVersion.V313T < PythonVersion.V314);
        Assert.Equal("3.13", PythonVersion.Default.ToString());
    }
}
