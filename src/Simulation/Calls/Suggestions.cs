using System.Text;

namespace Pynsights.Simulation.Calls;

/// <summary>
/// <c>_Py_CalculateSuggestions</c> of Python/suggestions.c (3.13): the closest candidate by a Levenshtein distance
/// over UTF-8 bytes where a case flip costs 1 and any other edit 2, within a third of the characters involved.
/// From 3.13 <c>initialize_locals</c> adds it to "got an unexpected keyword argument".
/// </summary>
internal static class Suggestions
{
    private const int MaxCandidateItems = 750;
    private const int MaxStringSize = 40;
    private const int MoveCost = 2;
    private const int CaseCost = 1;

    public static string? Closest(IReadOnlyList<string> candidates, string name)
    {
        if (candidates.Count >= MaxCandidateItems)
        {
            return null;
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        long best = long.MaxValue;
        string? suggestion = null;
        foreach (var item in candidates)
        {
            if (item == name)
            {
                continue;
            }

            var itemBytes = Encoding.UTF8.GetBytes(item);
            long maxDistance = (nameBytes.Length + itemBytes.Length + 3) * MoveCost / 6;
            maxDistance = Math.Min(maxDistance, best - 1);
            var distance = Levenshtein(nameBytes, itemBytes, maxDistance);
            if (distance > maxDistance)
            {
                continue;
            }

            if (suggestion is null || distance < best)
            {
                suggestion = item;
                best = distance;
            }
        }

        return suggestion;
    }

    private static int SubstitutionCost(byte a, byte b)
    {
        if ((a & 31) != (b & 31))
        {
            return MoveCost;
        }

        if (a == b)
        {
            return 0;
        }

        var la = a is >= (byte)'A' and <= (byte)'Z' ? a + ('a' - 'A') : a;
        var lb = b is >= (byte)'A' and <= (byte)'Z' ? b + ('a' - 'A') : b;
        return la == lb ? CaseCost : MoveCost;
    }

    private static long Levenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, long maxCost)
    {
        while (a.Length > 0 && b.Length > 0 && a[0] == b[0])
        {
            a = a[1..];
            b = b[1..];
        }

        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return (a.Length + b.Length) * MoveCost;
        }

        if (a.Length > MaxStringSize || b.Length > MaxStringSize)
        {
            return maxCost + 1;
        }

        if (b.Length < a.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        if ((b.Length - a.Length) * MoveCost > maxCost)
        {
            return maxCost + 1;
        }

        var buffer = new long[a.Length];
        long tmp = MoveCost;
        for (var i = 0; i < a.Length; i++)
        {
            buffer[i] = tmp;
            tmp += MoveCost;
        }

        long result = 0;
        for (var bIndex = 0; bIndex < b.Length; bIndex++)
        {
            var code = b[bIndex];
            long distance = result = bIndex * MoveCost;
            var minimum = long.MaxValue;
            for (var index = 0; index < a.Length; index++)
            {
                var substitute = distance + SubstitutionCost(code, a[index]);
                distance = buffer[index];
                var insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                buffer[index] = result;
                minimum = Math.Min(minimum, result);
            }

            if (minimum > maxCost)
            {
                return maxCost + 1;
            }
        }

        return result;
    }
}
