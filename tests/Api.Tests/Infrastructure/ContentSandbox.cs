namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>A throw-away copy of the fixture catalog that a test may break on purpose.</summary>
public sealed class ContentSandbox : IDisposable
{
    public ContentSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "pynsights-content-" + Guid.NewGuid().ToString("N"));
        Copy(TestPaths.FixtureContent, Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/> in a file, failing if it is not there.</summary>
    public void Replace(string relative, string from, string to)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(relative), text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold a handle; the temp folder is cleaned by the OS.
        }
    }
}
