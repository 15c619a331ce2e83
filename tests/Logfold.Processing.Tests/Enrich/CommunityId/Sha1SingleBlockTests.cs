using System.Security.Cryptography;
using Logfold.Processing.Enrich.CommunityId;

namespace Logfold.Processing.Tests.Enrich.CommunityId;

public sealed class Sha1SingleBlockTests
{
    [Fact]
    public void Hash_EveryLengthUpToOneBlock_MatchesPlatformSha1()
    {
        var random = new Random(7);
        Span<byte> mine = stackalloc byte[20];
        for (var length = 0; length <= Sha1SingleBlock.MaxInputLength; length++)
        {
            for (var round = 0; round < 20; round++)
            {
                var message = new byte[length];
                random.NextBytes(message);

                Sha1SingleBlock.Hash(message, mine);

#pragma warning disable CA5350 // Reference implementation for the test.
                Assert.Equal(SHA1.HashData(message), mine.ToArray());
#pragma warning restore CA5350
            }
        }
    }

    [Fact]
    public void Hash_Abc_MatchesFipsExample()
    {
        Span<byte> digest = stackalloc byte[20];

        Sha1SingleBlock.Hash("abc"u8, digest);

        Assert.Equal("A9993E364706816ABA3E25717850C26C9CD0D89D", Convert.ToHexString(digest));
    }

    [Fact]
    public void Hash_TooLong_Throws() => Assert.Throws<ArgumentException>(() => Sha1SingleBlock.Hash(new byte[56], new byte[20]));
}
