namespace Pynsights.Api.Traces;

/// <summary>Reads <c>REDIS_URL</c> in either form people use: <c>redis://[:password@]host:port[/db]</c> or a StackExchange.Redis string.</summary>
public static class RedisUrl
{
    public static string ToConfiguration(string url)
    {
        if (!url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }

        var uri = new Uri(url);
        var parts = new List<string> { $"{uri.Host}:{(uri.Port > 0 ? uri.Port : 6379)}" };
        if (uri.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                parts.Add($"user={Uri.UnescapeDataString(userInfo[..colon])}");
            }

            parts.Add($"password={Uri.UnescapeDataString(colon >= 0 ? userInfo[(colon + 1)..] : userInfo)}");
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
        {
            parts.Add($"defaultDatabase={db}");
        }

        if (uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add("ssl=true");
        }

        return string.Join(',', parts);
    }
}
