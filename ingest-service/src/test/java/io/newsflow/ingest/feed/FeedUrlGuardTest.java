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
