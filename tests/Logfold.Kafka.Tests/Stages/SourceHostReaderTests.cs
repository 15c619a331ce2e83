using System.Text;
using Logfold.Processing.Stages;

namespace Logfold.Kafka.Tests.Stages;

public sealed class SourceHostReaderTests
{
    [Theory]
    [InlineData("Nov 24 08:00:01 app-03 systemd[1]: Started.", "app-03")]
    [InlineData("<34>1 2026-11-24T10:00:00Z web-9 app 12 ID1 - hello", "web-9")]
    [InlineData("<Event xmlns=\"x\"><System><Computer>dc01.corp</Computer></System></Event>", "dc01.corp")]
    [InlineData("{\"winlog\":{\"computer_name\":\"fs01\"},\"host\":{\"name\":\"other\"}}", "fs01")]
    [InlineData("{\"_HOSTNAME\":\"node-4\",\"MESSAGE\":\"x\"}", "node-4")]
    [InlineData("{\"eventVersion\":\"1.08\"}", null)]
    [InlineData("", null)]
    public void ReadString_KnownShapes_FindsHost(string raw, string? host)
    {
        Assert.Equal(host, SourceHostReader.ReadString(Encoding.UTF8.GetBytes(raw)));
    }
}
