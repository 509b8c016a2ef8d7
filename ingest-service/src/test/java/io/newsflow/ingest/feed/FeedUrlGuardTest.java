package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.commons.problem.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedUrlGuardTest {

    private final FeedUrlGuard guard = new FeedUrlGuard(Optional.of(List.of("127.0.0.1:18990")));

    @Test
    void refusesInternalAddresses() {
        for (String url : List.of(
                "http://127.0.0.1/feed",
                "http://127.0.0.1:8080/feed",
                "http://localhost/feed",
                "http://10.0.0.1/feed",
                "http://10.255.1.2/feed",
                "http://172.16.0.1/feed",
                "http://192.168.1.1/feed",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/feed",
                "http://0.0.0.0/feed",
                "http://[::1]/feed",
                "http://[fc00::1]/feed",
                "http://[::ffff:10.0.0.1]/feed")) {
            assertThatThrownBy(() -> guard.check(url, "url"))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("url: ");
        }
    }

    @Test
    void refusesIpv6AddressesThatCarryAnInternalIpv4Address() {
        for (String url : List.of(
                "http://[::127.0.0.1]/feed", // IPv4-compatible
                "http://[::10.0.0.1]/feed",
                "http://[64:ff9b::7f00:1]/feed", // NAT64
                "http://[64:ff9b::a9fe:a9fe]/feed", // NAT64 to 169.254.169.254
                "http://[64:ff9b:1::5db8:d822]/feed", // local-use NAT64, whatever it carries
                "http://[2002:7f00:1::1]/feed", // 6to4 around 127.0.0.1
                "http://[2002:c0a8:101::1]/feed")) { // 6to4 around 192.168.1.1
            assertThatThrownBy(() -> guard.check(url, "url"))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("non-public address");
        }
        // the same schemes around a public IPv4 address lead to the internet
        assertThat(guard.check("http://[64:ff9b::5db8:d822]/feed", "url")).isNotNull();
        assertThat(guard.check("http://[2002:5db8:d822::1]/feed", "url")).isNotNull();
    }

    @Test
    void acceptsPublicAddressesAndTheAllowedTestServer() {
        assertThat(guard.check("http://93.184.216.34/feed.xml", "url")).hasHost("93.184.216.34");
        assertThat(guard.check("https://[2606:2800:220:1:248:1893:25c8:1946]/feed", "url"))
                .isNotNull();
        assertThat(guard.check("http://127.0.0.1:18990/feed.xml", "url")).hasPort(18990);
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> guard.check("file:///etc/passwd", "url"))
                .hasMessage("url: must be an http or https URL");
        assertThatThrownBy(() -> guard.check("gopher://93.184.216.34/", "url"))
                .isInstanceOf(InvalidInputException.class);
    }
}
