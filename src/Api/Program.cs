using Pynsights.Api.Benchmarks;
using Pynsights.Api.Content;
using Pynsights.Api.Diagrams;
using Pynsights.Api.GraphQL;
using Pynsights.Api.Health;
using Pynsights.Api.Infrastructure;
using Pynsights.Api.Simulations;
using Pynsights.Api.Topics;
using Pynsights.Api.Traces;
using Pynsights.Api.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApiInfrastructure();
builder.Services.AddContent();
builder.Services.AddTopics();
builder.Services.AddTraces(builder.Configuration);
builder.Services.AddPynsightsGraphQL();
builder.Services.AddPynsightsHealth();
builder.Services.AddWebFrontend();

var app = builder.Build();
if (!app.Services.TryLoadContent())
{
    return 1;
}

app.UseApiInfrastructure();
app.MapProblemTypes();
app.MapTopicsApi();
app.MapDiagramsApi();
app.MapBenchmarksApi();
app.MapSimulationsApi();
app.MapTracesApi();
app.MapPynsightsGraphQL();
app.MapHealthApi();
app.MapWebFrontend();

app.Run();
return 0;

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
