using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Spine.Runtime.Execution;

/// <summary>Read-only checks from this machine: a TCP endpoint accepts (OOB guard), an HTTP endpoint answers (readiness).</summary>
public static class Probes
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(10) };

    public static bool TcpAccepts(string host, int port, TimeSpan timeout)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(host, port).Wait(timeout) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Alive when the service answers HTTP below 500: 401/403 from an API that wants auth still means it is up.</summary>
    public static (bool Alive, string Detail) HttpAlive(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).GetAwaiter().GetResult();
            var code = (int)response.StatusCode;
            return (code < 500, $"HTTP {code}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            return (false, ex.Message);
        }
    }
}
