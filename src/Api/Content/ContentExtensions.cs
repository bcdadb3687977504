using Pynsights.Simulation;

namespace Pynsights.Api.Content;

public static class ContentExtensions
{
    /// <summary>Registers the content loader and store; the catalog is loaded when the host starts.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(SimulatorCatalog.Default);
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        services.AddHostedService<ContentStartup>();
        return services;
    }

    /// <summary>
    /// Loads the catalog now; on invalid content prints every <c>file:line: message</c> to standard error and
    /// returns false, so the process exits with a clear message instead of a stack trace.
    /// </summary>
    public static bool TryLoadContent(this IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<ContentStore>().Current;
            return true;
        }
        catch (ContentValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Pynsights refuses to start until the content is fixed.");
            return false;
        }
    }
}

/// <summary>Loads the catalog before the server accepts requests, so invalid content stops the host at start-up.</summary>
internal sealed class ContentStartup(ContentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(store.Current);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
