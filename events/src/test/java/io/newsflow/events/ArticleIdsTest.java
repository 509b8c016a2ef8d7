package io.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void sameCanonicalUrlGivesSameId() {
        String url = "https://news.example.org/2024/05/01/summit";
        assertThat(ArticleIds.forCanonicalUrl(url)).isEqualTo(ArticleIds.forCanonicalUrl(url));
        assertThat(ArticleIds.forCanonicalUrl(url)).isNotEqualTo(ArticleIds.forCanonicalUrl(url + "-2"));
    }

    @Test
    void isTheRfcVersion5UuidOfTheUrl() {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://www.example.com/")
        assertThat(ArticleIds.forCanonicalUrl("http://www.example.com/"))
                .isEqualTo("fcde3c85-2270-590f-9e7c-ee003d65e0e2");
        UUID id = UUID.fromString(ArticleIds.forCanonicalUrl("https://example.org/a"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
