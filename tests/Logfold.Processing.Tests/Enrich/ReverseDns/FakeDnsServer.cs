using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Logfold.Processing.Enrich.ReverseDns;

namespace Logfold.Processing.Tests.Enrich.ReverseDns;

/// <summary>A UDP DNS responder on 127.0.0.1 (no network): it answers each query with what the test's function returns.</summary>
internal sealed class FakeDnsServer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _queries;

    /// <param name="reply">Given the query id and question name, the datagrams to send back (none: stay silent).</param>
    public FakeDnsServer(Func<ushort, string, IEnumerable<byte[]>> reply)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult query;
                try
                {
                    query = await _udp.ReceiveAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Interlocked.Increment(ref _queries);
                var id = BinaryPrimitives.ReadUInt16BigEndian(query.Buffer);
                var pos = 12;
                var question = DnsMessage.ReadName(query.Buffer, ref pos);
                foreach (var datagram in reply(id, question))
                {
                    await _udp.SendAsync(datagram, query.RemoteEndPoint, _stop.Token);
                }
            }
        });
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public int Queries => Volatile.Read(ref _queries);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }
}
