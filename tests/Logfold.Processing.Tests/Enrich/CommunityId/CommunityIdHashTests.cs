using Logfold.Processing.Enrich.CommunityId;
using Logfold.Processing.Parse.PaloAlto;

namespace Logfold.Processing.Tests.Enrich.CommunityId;

public sealed class CommunityIdHashTests
{
    // The spec's published baseline (corelight/community-id-spec, baseline/baseline_deflt.json and
    // baseline_seed1.json). For ICMP the baseline lists port equivalents; types with a counterpart are given here
    // as (type, code 0), one-way types as (type, code).
    public static TheoryData<byte, string, string, int?, int?, string, string> Baseline => new()
    {
        { 58, "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 135, 0, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=", "1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=" },
        { 58, "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 136, 0, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=", "1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=" },
        { 58, "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 135, 0, "1:zavyT/cezQr1fmImYCwYnMXbgck=", "1:2hSqmsDZ2kdcY9kbiUzOEBic0iM=" },
        { 58, "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 136, 0, "1:zavyT/cezQr1fmImYCwYnMXbgck=", "1:2hSqmsDZ2kdcY9kbiUzOEBic0iM=" },
        { 58, "3ffe:501:1800:2345::2", "3ffe:507:0:1:200:86ff:fe05:80da", 3, 0, "1:2ObVBgIn28oZvibYZhZMBgh7WdQ=", "1:lVEtCZpYu84Xqaa++3lXFyuu2n4=" },
        { 58, "3ffe:501:410:0:2c0:dfff:fe47:33e", "3ffe:507:0:1:200:86ff:fe05:80da", 1, 4, "1:hLZd0XGWojozrvxqE0dWB1iM6R0=", "1:W8MHwXpWzpoSTD+cGcaJr4u0ys8=" },
        { 58, "3ffe:507:0:1:200:86ff:fe05:80da", "3ffe:501:0:1001::2", 128, 0, "1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=", "1:GfZxjAkDk2MkegpBYHV6tadtFXQ=" },
        { 58, "3ffe:501:0:1001::2", "3ffe:507:0:1:200:86ff:fe05:80da", 129, 0, "1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=", "1:GfZxjAkDk2MkegpBYHV6tadtFXQ=" },
        { 58, "fe80::200:86ff:fe05:80da", "ff02::2", 133, 0, "1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=", "1:L7Ka0ZMYu+J3bL4ulW2PrqyXNo8=" },
        { 58, "fe80::260:97ff:fe07:69ea", "ff02::1", 134, 0, "1:pkvHqCL88/tg1k4cPigmZXUtL00=", "1:K/ee5UCqAMAQXDorP5nSa2CGLjc=" },
        { 1, "192.168.0.89", "192.168.0.1", 8, 0, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", "1:03g6IloqVBdcZlPyX8r0hgoE7kA=" },
        { 1, "192.168.0.1", "192.168.0.89", 0, 0, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", "1:03g6IloqVBdcZlPyX8r0hgoE7kA=" },
        { 1, "10.0.0.1", "10.0.0.2", 11, 0, "1:YHxtAirCG//0OzkcVAukqKQN9xM=", "1:XjUibYHaafLQ3pxQeiMI8g25q20=" },
        { 6, "2001:470:e5bf:dead:4957:2174:e82c:4887", "2607:f8b0:400c:c03::1a", 63943, 25, "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=", "1:eJYTW6AOzFLlSUoESovMjnu7rMw=" },
        { 6, "2607:f8b0:400c:c03::1a", "2001:470:e5bf:dead:4957:2174:e82c:4887", 25, 63943, "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=", "1:eJYTW6AOzFLlSUoESovMjnu7rMw=" },
        { 132, "192.168.170.8", "192.168.170.56", 7, 7, "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=", "1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=" },
        { 132, "192.168.170.56", "192.168.170.8", 7, 7, "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=", "1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=" },
        { 6, "128.232.110.120", "66.35.250.204", 34855, 80, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "1:3V71V58M3Ksw/yuFALMcW0LAHvc=" },
        { 6, "66.35.250.204", "128.232.110.120", 80, 34855, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "1:3V71V58M3Ksw/yuFALMcW0LAHvc=" },
        { 17, "192.168.1.52", "8.8.8.8", 54585, 53, "1:d/FP5EW3wiY1vCndhwleRRKHowQ=", "1:Q9We8WO3piVF8yEQBNJF4uiSVrI=" },
        { 17, "8.8.8.8", "192.168.1.52", 53, 54585, "1:d/FP5EW3wiY1vCndhwleRRKHowQ=", "1:Q9We8WO3piVF8yEQBNJF4uiSVrI=" },
        { 46, "10.1.12.1", "10.1.12.2", null, null, "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=", "1:rYir8gphR31noO9iDRQmF/BteEI=" },
        { 46, "10.1.12.2", "10.1.12.1", null, null, "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=", "1:rYir8gphR31noO9iDRQmF/BteEI=" },
    };

    [Theory]
    [MemberData(nameof(Baseline))]
    public void Compute_SpecBaselineSeed0_MatchesPublishedId(byte proto, string src, string dst, int? sp, int? dp, string seed0, string seed1)
    {
        _ = seed1;
        Assert.Equal(seed0, CommunityIdHash.Compute(src, dst, proto, sp, dp));
    }

    [Theory]
    [MemberData(nameof(Baseline))]
    public void Compute_SpecBaselineSeed1_MatchesPublishedId(byte proto, string src, string dst, int? sp, int? dp, string seed0, string seed1)
    {
        _ = seed0;
        Assert.Equal(seed1, CommunityIdHash.Compute(src, dst, proto, sp, dp, seed: 1));
    }

    [Fact]
    public void Compute_SpecReadmeExample_MatchesPublishedId() =>
        Assert.Equal("1:wCb3OG7yAFWelaUydu0D+125CLM=", CommunityIdHash.Compute("1.2.3.4", "5.6.7.8", CommunityIdHash.Tcp, 1122, 3344));

    [Theory]
    [InlineData("1.2.3.4", "2001:db8::1", 6, 1, 2)]
    [InlineData("1.2.3.4", "not-ip", 6, 1, 2)]
    [InlineData(null, "5.6.7.8", 6, 1, 2)]
    [InlineData("1.2.3.4", "5.6.7.8", 6, null, 2)]
    [InlineData("1.2.3.4", "5.6.7.8", 17, 1, 70000)]
    [InlineData("1.2.3.4", "5.6.7.8", 1, null, 0)]
    [InlineData("1.2.3.4", "5.6.7.8", 0, 1, 2)]
    public void Compute_UnhashableFlow_ReturnsNull(string? src, string? dst, byte proto, int? sp, int? dp) =>
        Assert.Null(CommunityIdHash.Compute(src, dst, proto, sp, dp));

    [Fact]
    public void PanCommunityId_TcpFlow_UsesTheSharedHash()
    {
        Assert.Equal("1:LQU9qZlK+B5F3KDmev6m5PMibrg=", PanCommunityId.Compute("128.232.110.120", 34855, "66.35.250.204", 80, "tcp"));
        Assert.Null(PanCommunityId.Compute("128.232.110.120", 0, "66.35.250.204", 80, "tcp"));
        Assert.Null(PanCommunityId.Compute("10.0.0.1", 0, "10.0.0.2", 0, "icmp"));
    }
}
