using System.Diagnostics.CodeAnalysis;

namespace Pynsights.Simulation;

/// <summary>
/// A CPython release line the simulators model: 3.10 to 3.14, with the free-threaded builds (PEP 703) of 3.13 and
/// 3.14 written with a trailing <c>t</c>, as <c>sys.abiflags</c> and the installers name them.
/// </summary>
public readonly record struct PythonVersion(int Minor, bool FreeThreaded) : IComparable<PythonVersion>
{
    public static PythonVersion V310 { get; } = new(10, false);
    public static PythonVersion V311 { get; } = new(11, false);
    public static PythonVersion V312 { get; } = new(12, false);
    public static PythonVersion V313 { get; } = new(13, false);
    public static PythonVersion V313T { get; } = new(13, true);
    public static PythonVersion V314 { get; } = new(14, false);
    public static PythonVersion V314T { get; } = new(14, true);

    /// <summary>The version a request gets when it names none.</summary>
    public static PythonVersion Default => V313;

    /// <summary>Every version Pynsights models, oldest first.</summary>
    public static IReadOnlyList<PythonVersion> All { get; } = [V310, V311, V312, V313, V313T, V314, V314T];

    public int Major => 3;

    /// <summary>True when this version is at least 3.<paramref name="minor"/> (free-threading aside).</summary>
    public bool AtLeast(int minor) => Minor >= minor;

    public static bool TryParse([NotNullWhen(true)] string? text, out PythonVersion version)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                version = candidate;
                return true;
            }
        }

        version = default;
        return false;
    }

    public int CompareTo(PythonVersion other) =>
        Minor != other.Minor ? Minor.CompareTo(other.Minor) : FreeThreaded.CompareTo(other.FreeThreaded);

    public static bool operator <(PythonVersion left, PythonVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(PythonVersion left, PythonVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(PythonVersion left, PythonVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PythonVersion left, PythonVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => FreeThreaded ? $"3.{Minor}t" : $"3.{Minor}";
}
