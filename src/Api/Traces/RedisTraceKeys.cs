namespace Pynsights.Api.Traces;

/// <summary>
/// The one place Redis keys are named. Every key of a trace carries its id as a hash tag (<c>{id}</c>), so all of
/// them land in one slot and the same code works on Redis Cluster (RENAME and MULTI need that).
/// </summary>
public sealed class RedisTraceKeys(string prefix)
{
    public string Manifest(string id) => $"{prefix}:{{{id}}}:manifest";

    public string Chunks(string id) => $"{prefix}:{{{id}}}:chunks";

    public string Building(string id, string token) => $"{prefix}:{{{id}}}:building:{token}";

    public string Lock(string id) => $"{prefix}:{{{id}}}:lock";
}
