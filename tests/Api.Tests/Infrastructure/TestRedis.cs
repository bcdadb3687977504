using StackExchange.Redis;

namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>
/// The real redis-server the test command starts (<c>PYNSIGHTS_TEST_REDIS=host:port</c>). Without it, Redis tests
/// are skipped, unless <c>PYNSIGHTS_REQUIRE_REDIS=1</c> (as in CI) makes its absence a failure.
/// </summary>
public static class TestRedis
{
    public static string ConnectionString
    {
        get
        {
            var endpoint = Environment.GetEnvironmentVariable("PYNSIGHTS_TEST_REDIS");
            if (string.IsNullOrEmpty(endpoint))
            {
                if (Environment.GetEnvironmentVariable("PYNSIGHTS_REQUIRE_REDIS") == "1")
                {
                    Assert.Fail("PYNSIGHTS_TEST_REDIS is not set, but PYNSIGHTS_REQUIRE_REDIS=1 requires a real Redis.");
                }

                Assert.Skip("No Redis: set PYNSIGHTS_TEST_REDIS=host:port (scripts/test.sh does).");
            }

            return endpoint;
        }
    }

    /// <summary>A key prefix of its own for each test, so tests sharing one Redis never see each other's traces.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(ConnectionString);
}
