package io.newsflow.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.commons.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @Test
    void linksToTheSameArticleShareOneCanonicalUrl() {
        String canonical = "https://news.example.org/world/summit?id=7&page=2";
        assertThat(canonicalizer.canonicalize("HTTPS://News.Example.ORG:443/world/summit/?page=2&id=7#comments", "url"))
                .isEqualTo(canonical);
        assertThat(canonicalizer.canonicalize(
                        "https://news.example.org/world/summit?utm_source=x&id=7&fbclid=abc&page=2&gclid=1", "url"))
                .isEqualTo(canonical);
        assertThat(canonicalizer.canonicalize("http://example.org:80", "url")).isEqualTo("http://example.org/");
        assertThat(canonicalizer.canonicalize("http://example.org:8080/a/./b/../c", "url"))
                .isEqualTo("http://example.org:8080/a/c");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrlNamingTheField() {
        assertThatThrownBy(() -> canonicalizer.canonicalize("ftp://example.org/file", "url"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("url: must be an absolute http or https URL");
        assertThatThrownBy(() -> canonicalizer.canonicalize("/relative/path", "url"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> canonicalizer.canonicalize("http://exa mple.org", "url"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("url: is not a valid URL");
    }
}
