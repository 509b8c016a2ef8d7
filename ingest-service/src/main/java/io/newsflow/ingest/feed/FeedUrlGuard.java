package io.newsflow.ingest.feed;

import io.newsflow.commons.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps feed polling from becoming a way into the network the service runs in (SSRF): a feed URL must be http(s)
 * and every address its host resolves to must be public: no loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast or unspecified address. Checked when a feed is subscribed and
 * again before each fetch and redirect. Tests allow their local feed server by {@code host:port}.
 */
@ApplicationScoped
public class FeedUrlGuard {

    private final Set<String> allowed;

    FeedUrlGuard(@ConfigProperty(name = "newsflow.feeds.allowed-hosts") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream()
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toSet());
    }

    /** @throws InvalidInputException naming {@code field} when the URL may not be fetched */
    public URI check(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(field, "must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidInputException(field, "must name a host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String normalisedHost = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (allowed.contains(normalisedHost + ":" + port) || allowed.contains(normalisedHost)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(normalisedHost);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(field, "names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new InvalidInputException(
                        field,
                        "points at a non-public address (" + address.getHostAddress()
                                + "); feeds must be on the internet");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublic(ipv4(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
            }
            // addresses that carry an IPv4 address and can lead to it: [::127.0.0.1] or [64:ff9b::7f00:1] must not
            // be a way around the checks above
            if (zeros(b, 0, 12)) {
                return isPublic(ipv4(b, 12)); // IPv4-compatible ::a.b.c.d (deprecated)
            }
            if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                // NAT64: 64:ff9b::/96 translates to the IPv4 address at its end; 64:ff9b:1::/48 is for local use
                return zeros(b, 4, 12) && isPublic(ipv4(b, 12));
            }
            if (first == 0x20 && b[1] == 0x02) {
                return isPublic(ipv4(b, 2)); // 6to4 2002:a.b.c.d::/48
            }
        }
        return true;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }
}
