package io.newsflow.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void whitespaceAndUnicodeFormsAreNotAChangeOfContent() {
        String hash = ContentHash.of("Leaders meet in Reykjavík", "They met.\n\nThen left.");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(ContentHash.of("  Leaders meet in Reykjavi\u0301k ", "They met. Then   left."))
                .isEqualTo(hash);
        assertThat(ContentHash.of("Leaders meet in Reykjavík", "They met. Then stayed."))
                .isNotEqualTo(hash);
    }
}
