namespace Pynsights.Simulation;

/// <summary>
/// The one place that pins each modelled version to the CPython release tag whose source the simulators cite.
/// Every line number in a simulator's source table is read from exactly these tags; change a tag and the tables
/// must be re-read with it.
/// </summary>
internal static class CPythonTags
{
    /// <summary>The tag for <paramref name="version"/>; free-threaded builds share their release's source tree.</summary>
    public static string Tag(PythonVersion version) => version.Minor switch
    {
        10 => "v3.10.7",
        11 => "v3.11.2",
        12 => "v3.12.5",
        13 => "v3.13.5",
        14 => "v3.14.7",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Not a modelled version."),
    };

    /// <summary>Picks the entry for <paramref name="version"/> from a per-tag table ordered 3.10 to 3.14.</summary>
    public static T ForVersion<T>(PythonVersion version, ReadOnlySpan<T> byMinor) => byMinor[version.Minor - 10];

    /// <summary>
    /// Like <see cref="At"/>, for tables where 0 marks a tag whose file was not read line by line: such a version
    /// gets no link rather than a wrong one.
    /// </summary>
    public static SourceLocation? AtIfRead(PythonVersion version, string file, string function, ReadOnlySpan<int> lineByMinor) =>
        ForVersion(version, lineByMinor) == 0 ? null : At(version, file, function, lineByMinor);

    /// <summary>A pinned link to <paramref name="file"/> at the line this version's table gives.</summary>
    public static SourceLocation At(PythonVersion version, string file, string function, ReadOnlySpan<int> lineByMinor) =>
        SourceLocation.At(Tag(version), file, function, ForVersion(version, lineByMinor));
}
