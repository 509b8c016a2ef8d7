package io.newsflow.enrich.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real pages committed under {@code src/test/resources/text} (see SOURCE.txt there). */
final class TextFixtures {

    private TextFixtures() {}

    static String read(String name) {
        try (InputStream in = TextFixtures.class.getResourceAsStream("/text/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
