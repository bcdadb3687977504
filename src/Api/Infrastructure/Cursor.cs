using System.Buffers.Text;
using System.Text;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Opaque pagination cursors: base64url of <c>scope:value</c>. The scope (a listing and, where it matters, the
/// version of what it lists) makes a cursor from one listing invalid in another.
/// </summary>
public static class Cursor
{
    private const int MaxLength = 512;

    public static string Encode(string scope, string value) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{scope}:{value}"));

    /// <summary>The value of a cursor issued for <paramref name="scope"/>, or null when it was not.</summary>
    public static string? Decode(string scope, string cursor)
    {
        if (cursor.Length is 0 or > MaxLength)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var prefix = scope + ":";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
    }
}
