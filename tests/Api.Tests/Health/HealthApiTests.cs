namespace Pynsights.Api.Tests.Health;

public sealed class HealthApiTests(PynsightsApiFactory factory) : IClassFixture<PynsightsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task HealthReportsTheContentCatalog()
    {
        var body = await ApiJson.GetAsync(_client, "/health");
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        var content = body["checks"]!["content"]!;
        Assert.Equal("healthy", content["status"]!.GetValue<string>());
        Assert.Equal(3, content["data"]!["topics"]!.GetValue<int>());
        Assert.Equal(2, content["data"]!["published"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReadinessRunsTheReadyChecks()
    {
        var body = await ApiJson.GetAsync(_client, "/health/ready");
        Assert.NotNull(body["checks"]!["content"]);
    }

    [Fact]
    public async Task LivenessRunsNoCheck()
    {
        var body = await ApiJson.GetAsync(_client, "/health/live");
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Empty(body["checks"]!.AsObject());
    }
}
