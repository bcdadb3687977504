using Microsoft.Extensions.Options;

namespace Pynsights.Api.Content;

/// <summary>
/// Holds the current <see cref="ContentCatalog"/>. Loaded once at start-up (the host refuses to start on invalid
/// content); a reload swaps the whole catalog atomically, and an invalid reload keeps the previous one.
/// </summary>
public sealed class ContentStore : IDisposable
{
    private readonly ContentLoader _loader;
    private readonly ILogger<ContentStore> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounce;
    private readonly int _debounceMs;
    private ContentCatalog _current;

    public ContentStore(ContentLoader loader, IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentStore> logger)
    {
        _loader = loader;
        _logger = logger;
        Root = ResolveRoot(options.Value.Root, environment.ContentRootPath);
        _current = loader.Load(Root);
        logger.LogInformation("Loaded {Count} topics from {Root} (version {Version}).", _current.Topics.Count, Root, _current.Version);

        if (options.Value.Watch)
        {
            _debounceMs = options.Value.WatchDebounceMilliseconds;
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(Root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
        }
    }

    /// <summary>The absolute content root.</summary>
    public string Root { get; }

    public ContentCatalog Current => Volatile.Read(ref _current);

    /// <summary>The errors of the last reload that failed, empty when the current catalog is the newest content.</summary>
    public IReadOnlyList<ContentError> LastReloadErrors { get; private set; } = [];

    /// <summary>Loads the content again; on success swaps the catalog, else keeps the old one and returns the errors.</summary>
    public IReadOnlyList<ContentError> Reload()
    {
        var errors = new List<ContentError>();
        var catalog = _loader.TryLoad(Root, errors);
        if (catalog is null || errors.Count > 0)
        {
            _logger.LogError("Content reload failed; keeping version {Version}:{NewLine}{Errors}",
                Current.Version, Environment.NewLine, string.Join(Environment.NewLine, errors));
            LastReloadErrors = errors;
            return errors;
        }

        Volatile.Write(ref _current, catalog);
        LastReloadErrors = [];
        _logger.LogInformation("Reloaded content: version {Version}.", catalog.Version);
        return [];
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _debounce?.Change(_debounceMs, Timeout.Infinite);

    internal static string ResolveRoot(string? configured, string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRootPath);
        }

        foreach (var start in new[] { contentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (File.Exists(Path.Combine(candidate, "sections.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new ContentValidationException(
            [new ContentError("content", 0, $"no content/ folder with sections.yaml found above {contentRootPath}; set Content:Root.")]);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
