package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** On real Wikinews articles (src/test/resources/articles, CC BY 2.5). */
class MinHashTest {

    private static final String MANAFORT = text("manafort.json");
    private static final String ALABAMA = text("alabama.json");

    @Test
    void aRepublishedCopyWithANewFooterAndACorrectionIsANearCopy() {
        String copy = "UPDATED 14:05 GMT. " + MANAFORT.replace("73 months", "seventy-three months")
                + "\n\nShare this article. Follow us for more news. Reporting by our staff.";

        double similarity = MinHash.similarity(signature(MANAFORT), signature(copy));

        assertThat(similarity).isGreaterThanOrEqualTo(MinHash.NEAR_COPY);
        assertThat(shareABand(signature(MANAFORT), signature(copy))).isTrue();
    }

    @Test
    void twoDifferentStoriesAreNot() {
        assertThat(MinHash.similarity(signature(MANAFORT), signature(ALABAMA))).isLessThan(0.2);
    }

    @Test
    void halfAStoryIsNotACopyOfIt() {
        String half = MANAFORT.substring(0, MANAFORT.length() / 2);

        assertThat(MinHash.similarity(signature(MANAFORT), signature(half))).isLessThan(MinHash.NEAR_COPY);
    }

    @Test
    void caseAccentsAndPunctuationDoNotChangeTheSignature() {
        assertThat(signature(MANAFORT.toUpperCase().replace(",", ""))).isEqualTo(signature(MANAFORT));
    }

    @Test
    void aShortTextHasNoSignatureAndSignaturesSurviveTheDatabase() {
        assertThat(MinHash.signature("Breaking: markets fall")).isEmpty();
        assertThat(MinHash.signature(null)).isEmpty();
        assertThat(MinHash.fromBytes(MinHash.toBytes(signature(ALABAMA)))).isEqualTo(signature(ALABAMA));
    }

    private static boolean shareABand(long[] a, long[] b) {
        int[] x = MinHash.bands(a);
        int[] y = MinHash.bands(b);
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                return true;
            }
        }
        return false;
    }

    private static long[] signature(String text) {
        return MinHash.signature(text).orElseThrow();
    }

    private static String text(String name) {
        try (InputStream in = MinHashTest.class.getResourceAsStream("/articles/" + name)) {
            return new ObjectMapper().readTree(in).get("text").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
