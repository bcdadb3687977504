using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Pynsights.Api.Web;

/// <summary>
/// Serves the built reference frontend (clients/web/dist) beside the API: its files, and <c>index.html</c> for any
/// other path the SPA routes (never for the API's own prefixes), plus the oEmbed endpoint for its embed player.
/// </summary>
public static class WebFrontendExtensions
{
    /// <summary>Paths that belong to the API: an unknown one answers a 404 problem, never the SPA's page.</summary>
    private static readonly string[] ApiPrefixes = ["/api", "/graphql", "/swagger", "/health", "/problems"];

    public static IServiceCollection AddWebFrontend(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The oEmbed endpoint always; the frontend when its build is there (static files, then the SPA fallback), else
    /// <c>/</c> redirects to Swagger UI as a headless API does.
    /// </summary>
    public static WebApplication MapWebFrontend(this WebApplication app)
    {
        app.MapOEmbedApi();

        var root = FindRoot(app.Services.GetRequiredService<IOptions<WebOptions>>().Value, app.Environment);
        if (root is null)
        {
            app.Logger.LogInformation("No built frontend (clients/web/dist): serving the API only");
            app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
            return app;
        }

        app.Logger.LogInformation("Serving the web frontend from {Root}", root);
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite puts a content hash in every file name under assets/, so those never change.
                var immutable = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                context.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });

        // The SPA's page for any GET that no endpoint and no file answered (a client-side route such as
        // /topics/{id}). A middleware rather than MapFallback so that routing's own answers (405, 415) stand, and
        // never for the API's prefixes or a path with a file extension (a missing asset stays a 404).
        var index = Path.Combine(root, "index.html");
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !IsApiPath(request.Path)
                && !Path.HasExtension(request.Path.Value))
            {
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(index, context.RequestAborted);
                return;
            }

            await next(context);
        });
        return app;
    }

    internal static bool IsApiPath(PathString path) =>
        ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configured root, or the first clients/web/dist with an index.html above the app; null when none.</summary>
    internal static string? FindRoot(WebOptions options, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Root))
        {
            var configured = Path.GetFullPath(options.Root, environment.ContentRootPath);
            return File.Exists(Path.Combine(configured, "index.html")) ? configured : null;
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "clients", "web", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
