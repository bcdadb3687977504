using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pynsights.Api.Traces;

namespace Pynsights.Api.Tests.Traces;

/// <summary>Two API replicas on one real Redis share traces; a Redis outage degrades, never fails.</summary>
public sealed class ReplicaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A replica on <paramref name="redis"/>; generous timeouts, as tests share two cores with heavy neighbours.</summary>
    private static PynsightsApiFactory Replica(string redis, string prefix, string timeouts = ",asyncTimeout=20000,syncTimeout=20000") => new()
    {
        Settings = { ["Traces:RedisConnectionString"] = redis + timeouts, ["Traces:RedisKeyPrefix"] = prefix },
    };

    [Fact]
    public async Task ATraceGeneratedByOneReplicaIsServedByTheOtherWithoutRegenerating()
    {
        var prefix = TestRedis.NewPrefix();
        using var a = Replica(TestRedis.ConnectionString, prefix);
        using var b = Replica(TestRedis.ConnectionString, prefix);
        var (clientA, clientB) = (a.CreateClient(), b.CreateClient());

        var input = new JsonObject { ["length"] = 5000, ["step"] = -3 };
        using var created = await clientA.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input }, Ct);
        var trace = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        var id = trace["id"]!.GetValue<string>();

        using var again = await clientB.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input }, Ct);
        var fromB = await ApiJson.ReadAsync(again, HttpStatusCode.OK);
        Assert.Equal(id, fromB["id"]!.GetValue<string>());
        Assert.Equal(0, b.Services.GetRequiredService<TraceStatistics>().Generated);
        Assert.Equal(1, a.Services.GetRequiredService<TraceStatistics>().Generated);

        var pageA = await ApiJson.GetAsync(clientA, $"/api/v1/traces/{id}/steps?at=1000&first=5");
        var pageB = await ApiJson.GetAsync(clientB, $"/api/v1/traces/{id}/steps?at=1000&first=5");
        Assert.True(JsonNode.DeepEquals(pageA, pageB));
        var health = await ApiJson.GetAsync(clientB, "/health");
        Assert.Equal("redis", health["checks"]!["traceStore"]!["data"]!["kind"]!.GetValue<string>());
        Assert.Equal("healthy", health["checks"]!["traceStore"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentIdenticalRequestsToBothReplicasGenerateOnce()
    {
        var prefix = TestRedis.NewPrefix();
        using var a = Replica(TestRedis.ConnectionString, prefix);
        using var b = Replica(TestRedis.ConnectionString, prefix);
        var clients = new[] { a.CreateClient(), b.CreateClient() };
        var input = new JsonObject { ["length"] = 300_000, ["step"] = 2 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            clients[i % 2].PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input }, Ct)));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                var body = await ApiJson.ReadAsync(response, response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
                ids.Add(body["id"]!.GetValue<string>());
            }
        }

        Assert.Single(ids);
        var generated = a.Services.GetRequiredService<TraceStatistics>().Generated + b.Services.GetRequiredService<TraceStatistics>().Generated;
        Assert.Equal(1, generated);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
    }

    [Fact]
    public async Task WithRedisUnreachableTheApiStillAnswersAndHealthSaysDegraded()
    {
        using var replica = Replica("127.0.0.1:1,connectTimeout=200", TestRedis.NewPrefix(), "");
        var client = replica.CreateClient();
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 40 } }, Ct);
        var trace = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        var page = await ApiJson.GetAsync(client, $"/api/v1/traces/{trace["id"]}/steps?first=3");
        Assert.Equal(3, page["edges"]!.AsArray().Count);

        var health = await ApiJson.GetAsync(client, "/health");
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        Assert.Equal("degraded", health["checks"]!["traceStore"]!["status"]!.GetValue<string>());
        await ApiJson.GetAsync(client, "/health/ready");
    }

    [Fact]
    public async Task KillingRedisDuringABurstGivesNo5xxAndTracesAreServedAgainAfterItRestarts()
    {
        using var redis = new RedisProcess();
        using var replica = Replica(redis.ConnectionString + ",connectTimeout=500,asyncTimeout=1000,syncTimeout=1000", TestRedis.NewPrefix(), "");
        var client = replica.CreateClient();
        using var seeded = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 2000 } }, Ct);
        var seed = (await ApiJson.ReadAsync(seeded, HttpStatusCode.Created))["id"]!.GetValue<string>();

        // 120 requests in flight (new traces, pages of a stored one, the trace itself); Redis dies a third of the way in.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var burst = Enumerable.Range(0, 120).Select(async i =>
        {
            await Task.Delay(i * 5, Ct);
            using var response = (i % 3) switch
            {
                0 => await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 100 + i } }, Ct),
                1 => await client.GetAsync(new Uri($"/api/v1/traces/{seed}/steps?at={i}&first=5", UriKind.Relative), Ct),
                _ => await client.GetAsync(new Uri($"/api/v1/traces/{seed}", UriKind.Relative), Ct),
            };
            statuses.Add((int)response.StatusCode);
        }).ToList();
        await Task.Delay(200, Ct);
        redis.Stop();
        await Task.WhenAll(burst);

        Assert.Equal(120, statuses.Count);
        Assert.DoesNotContain(statuses, s => s >= 500);

        redis.Start();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode health;
        do
        {
            await Task.Delay(200, Ct);
            health = await ApiJson.GetAsync(client, "/health");
        }
        while (health["checks"]!["traceStore"]!["status"]!.GetValue<string>() != "healthy" && DateTime.UtcNow < deadline);
        Assert.Equal("healthy", health["checks"]!["traceStore"]!["status"]!.GetValue<string>());
        using var after = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 2000 } }, Ct);
        Assert.True(after.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        await ApiJson.GetAsync(client, $"/api/v1/traces/{seed}/steps?at=1500&first=2");
    }

    [Fact]
    public async Task ARedisRestartIsRiddenOutAndTracesAreSharedAgainAfterwards()
    {
        using var redis = new RedisProcess();
        var prefix = TestRedis.NewPrefix();
        using var replica = Replica(redis.ConnectionString + ",connectTimeout=500,asyncTimeout=1000", prefix, "");
        var client = replica.CreateClient();
        var healthy = await ApiJson.GetAsync(client, "/health");
        Assert.Equal("healthy", healthy["checks"]!["traceStore"]!["status"]!.GetValue<string>());

        redis.Stop();
        using var during = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 33 } }, Ct);
        var trace = await ApiJson.ReadAsync(during, HttpStatusCode.Created);
        await ApiJson.GetAsync(client, $"/api/v1/traces/{trace["id"]}/steps?first=2");
        var degraded = await ApiJson.GetAsync(client, "/health");
        Assert.Equal("degraded", degraded["checks"]!["traceStore"]!["status"]!.GetValue<string>());

        redis.Start();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode health;
        do
        {
            await Task.Delay(200, Ct);
            health = await ApiJson.GetAsync(client, "/health");
        }
        while (health["checks"]!["traceStore"]!["status"]!.GetValue<string>() != "healthy" && DateTime.UtcNow < deadline);
        Assert.Equal("healthy", health["checks"]!["traceStore"]!["status"]!.GetValue<string>());

        using var after = await client.PostAsJsonAsync(new Uri("/api/v1/simulations/slicing/traces", UriKind.Relative), new { input = new { length = 34 } }, Ct);
        var shared = await ApiJson.ReadAsync(after, HttpStatusCode.Created);
        using var direct = StackExchange.Redis.ConnectionMultiplexer.Connect(redis.ConnectionString);
        Assert.True(await direct.GetDatabase().KeyExistsAsync(new RedisTraceKeys(prefix).Manifest(shared["id"]!.GetValue<string>())));
    }
}
