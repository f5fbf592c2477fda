using System.Net;

namespace TaskChat.Web.Security;

/// <summary>
/// Which reverse proxies may tell the app the client's address and scheme (section
/// <c>ForwardedHeaders</c>). X-Forwarded-For, -Proto and -Host are honoured only from these;
/// from anyone else they are ignored, so a client cannot claim HTTPS or another address.
/// With nothing configured only a proxy on the same machine (loopback) is trusted.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>172.18.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are read from the end of X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;

    public IReadOnlyList<IPAddress> ParseProxies() => KnownProxies.Select(value =>
        IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw new InvalidOperationException(
                $"ForwardedHeaders:KnownProxies has '{value}', which is not an IP address. See the README.")).ToList();

    public IReadOnlyList<System.Net.IPNetwork> ParseNetworks() => KnownNetworks.Select(value =>
        System.Net.IPNetwork.TryParse(value.Trim(), out var network)
            ? network
            : throw new InvalidOperationException(
                $"ForwardedHeaders:KnownNetworks has '{value}', which is not a network such as 10.0.0.0/8. See the README.")).ToList();
}
