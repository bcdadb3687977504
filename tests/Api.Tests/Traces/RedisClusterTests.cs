using System.Diagnostics;
using System.Net.Http.Json;
using Pynsights.Api.Traces;

namespace Pynsights.Api.Tests.Traces;

/// <summary>
/// A three-master Redis Cluster on loopback serves traces through the same code: every key of a trace carries the
/// trace id as a hash tag, so the rename-on-commit, the transaction and the lease stay in one slot.
/// </summary>
public sealed class RedisClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClusterOfThreeMastersServesTracesThroughTheSameCode()
    {
        using var a = new RedisProcess("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000");
        using var b = new RedisProcess("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000");
        using var c = new RedisProcess("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000");
        var nodes = new[] { a, b, c }.Select(r => r.ConnectionString).ToArray();
        Run("redis-cli", ["--cluster", "create", .. nodes, "--cluster-replicas", "0", "--cluster-yes"]);
        for (var i = 0; i < 100 && !Run("redis-cli", ["-p", a.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "cluster", "info"]).Contains("cluster_state:ok", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
        }

        var prefix = TestRedis.NewPrefix();
        using var replica = new PynsightsApiFactory
        {
            Settings = { ["Traces:RedisConnectionString"] = string.Join(',', nodes), ["Traces:RedisKeyPrefix"] = prefix },
        };
        var client = replica.CreateClient();
        var ids = new List<string>();
        for (var length = 300; length < 306; length++)
        {
            using var created = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length, step = 3 } }, Ct);
            var trace = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
            ids.Add(trace["id"]!.GetValue<string>());
            var page = await ApiJson.GetAsync(client, $"/api/v1/traces/{trace["id"]}/steps?at=50&first=3");
            Assert.Equal([50, 51, 52], page["edges"]!.AsArray().Select(e => e!["node"]!["index"]!.GetValue<int>()));
        }

        var health = await ApiJson.GetAsync(client, "/health");
        Assert.Equal("healthy", health["checks"]!["traceStore"]!["status"]!.GetValue<string>());
        Assert.Equal(0, replica.Services.GetRequiredService<FailoverTraceStore>().Degraded ? 1 : 0);

        // The traces really live in the cluster, spread over its masters by their hash tags.
        using var cluster = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(string.Join(',', nodes));
        var keys = new RedisTraceKeys(prefix);
        foreach (var id in ids)
        {
            Assert.True(await cluster.GetDatabase().KeyExistsAsync(keys.Chunks(id)));
        }

        Assert.True(ids.Select(id => cluster.HashSlot(keys.Manifest(id))).Distinct().Count() > 1);
    }

    private static string Run(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed:\n{output}");
        return output;
    }
}
