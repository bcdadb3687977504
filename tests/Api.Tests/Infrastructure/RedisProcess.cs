using System.Diagnostics;
using System.Net.Sockets;

namespace Pynsights.Api.Tests.Infrastructure;

/// <summary>A private redis-server on a free loopback port, for tests that stop and restart Redis.</summary>
public sealed class RedisProcess : IDisposable
{
    private Process? _process;

    private readonly string[] _extra;

    public RedisProcess(params string[] extraArguments)
    {
        _ = TestRedis.ConnectionString; // skip (or fail in CI) like every Redis test when Redis is not provided
        _extra = extraArguments;
        Directory = Path.Combine(Path.GetTempPath(), "pynsights-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    /// <summary>The server's working directory (cluster config files go there).</summary>
    public string Directory { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Directory, .. _extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on {Port}.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
