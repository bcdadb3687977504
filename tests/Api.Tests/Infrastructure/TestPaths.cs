namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>Paths of the repository seen from the test binaries.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Pynsights.sln).</summary>
    public static string Repository { get; } = FindRepository();

    /// <summary>The real manual.</summary>
    public static string RealContent => Path.Combine(Repository, "content");

    /// <summary>A small valid catalog the tests pin exact answers on.</summary>
    public static string FixtureContent => Path.Combine(Repository, "tests", "Api.Tests", "TestContent", "valid");

    public static string Approved => Path.Combine(Repository, "tests", "Api.Tests", "Approved");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pynsights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pynsights.sln not found above " + AppContext.BaseDirectory);
    }
}
