using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>
/// A minimal PTR client over UDP to one configured resolver. Each query uses a fresh socket (a random source
/// port) and a random id, and the socket is connected so replies from other addresses are dropped by the OS;
/// replies that answer a different query are ignored. The caller's token bounds the wait.
/// </summary>
internal sealed class UdpPtrResolver : IPtrResolver
{
    private const int MaxReply = 1232;
    private readonly IPEndPoint _server;

    /// <summary>Creates a client for the resolver at <paramref name="server"/>.</summary>
    public UdpPtrResolver(IPEndPoint server) => _server = server ?? throw new ArgumentNullException(nameof(server));

    /// <summary>Creates a client for <see cref="ReverseDnsSettings.Server"/> (<c>address</c> or <c>address:port</c>; port 53 by default).</summary>
    /// <exception cref="ArgumentException">The server is not an IP address with an optional port.</exception>
    public static UdpPtrResolver Create(string server)
    {
        if (!IPEndPoint.TryParse(server ?? string.Empty, out var endPoint))
        {
            throw new ArgumentException($"The reverse-DNS server '{server}' is not an IP address with an optional port.", nameof(server));
        }

        if (endPoint.Port == 0)
        {
            endPoint.Port = 53;
        }

        return new UdpPtrResolver(endPoint);
    }

    /// <summary>The resolver's address.</summary>
    public IPEndPoint Server => _server;

    /// <inheritdoc />
    public async Task<string?> ResolvePtrAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var question = DnsMessage.ReverseName(address);
        var id = (ushort)RandomNumberGenerator.GetInt32(0, 65536);
        var query = DnsMessage.BuildPtrQuery(id, question);
        using var socket = new Socket(_server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(_server, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxReply);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(0, MaxReply), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (DnsMessage.TryReadPtrResponse(buffer.AsSpan(0, received), id, question, out var name))
                {
                    return DnsMessage.CleanHostname(name);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
