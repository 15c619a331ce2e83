namespace Logfold.Processing.Enrich.Net;

/// <summary>Classifies addresses with a built-in longest-prefix table of the special-purpose ranges.</summary>
internal static class IpClassifier
{
    private static readonly IpRangeTable<IpClass> Table = Build();

    /// <summary>The class of an address key.</summary>
    public static IpClass Classify(UInt128 key) => Table.TryFind(key, out var c) ? c : IpClass.Reserved;

    /// <summary>The lower-case name written to events (<c>link_local</c>, <c>public</c>...).</summary>
    public static string Name(IpClass value) => value switch
    {
        IpClass.Public => "public",
        IpClass.Private => "private",
        IpClass.Loopback => "loopback",
        IpClass.LinkLocal => "link_local",
        IpClass.Multicast => "multicast",
        IpClass.Documentation => "documentation",
        IpClass.Shared => "shared",
        IpClass.Reserved => "reserved",
        _ => "none",
    };

    private static IpRangeTable<IpClass> Build()
    {
        var b = new IpRangeTableBuilder<IpClass>();
        (string Cidr, IpClass Class)[] ranges =
        [
            // IPv6: everything outside global unicast 2000::/3 is reserved unless named below.
            ("::/0", IpClass.Reserved),
            ("2000::/3", IpClass.Public),
            ("::1/128", IpClass.Loopback),
            ("fc00::/7", IpClass.Private),
            ("fe80::/10", IpClass.LinkLocal),
            ("ff00::/8", IpClass.Multicast),
            ("2001:db8::/32", IpClass.Documentation),
            ("3fff::/20", IpClass.Documentation),
            ("2001::/23", IpClass.Reserved),
            ("100::/64", IpClass.Reserved),

            // IPv4 (mapped into ::ffff:0:0/96): public unless named below.
            ("0.0.0.0/0", IpClass.Public),
            ("0.0.0.0/8", IpClass.Reserved),
            ("10.0.0.0/8", IpClass.Private),
            ("100.64.0.0/10", IpClass.Shared),
            ("127.0.0.0/8", IpClass.Loopback),
            ("169.254.0.0/16", IpClass.LinkLocal),
            ("172.16.0.0/12", IpClass.Private),
            ("192.0.0.0/24", IpClass.Reserved),
            ("192.0.2.0/24", IpClass.Documentation),
            ("192.88.99.0/24", IpClass.Reserved),
            ("192.168.0.0/16", IpClass.Private),
            ("198.18.0.0/15", IpClass.Reserved),
            ("198.51.100.0/24", IpClass.Documentation),
            ("203.0.113.0/24", IpClass.Documentation),
            ("224.0.0.0/4", IpClass.Multicast),
            ("240.0.0.0/4", IpClass.Reserved),
        ];
        foreach (var (cidr, value) in ranges)
        {
            if (!b.TryAdd(cidr, value))
            {
                throw new InvalidOperationException($"Bad built-in range {cidr}.");
            }
        }

        return b.Build();
    }
}
