package io.newsflow.enrich.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-made weighted lexicon in {@code iptc/topic-lexicon.txt}: which words point to which Media Topic, and how
 * strongly. Format: a section {@code [medtop:code] label}, then lines {@code weight: term, term, ...}.
 */
final class TopicLexicon {

    static final String RESOURCE = "iptc/topic-lexicon.txt";

    /** One term of a topic; {@code term} as written in the lexicon, for the trigger explanation. */
    record Entry(String code, String term, double weight) {}

    private TopicLexicon() {}

    static List<Entry> load(MediaTopics topics) {
        try (InputStream in = TopicLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), topics);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static List<Entry> read(BufferedReader reader, MediaTopics topics) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String code = null;
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                code = line.substring(1, line.indexOf(']'));
                topics.get(code); // fails early on a typo or a retired code
                continue;
            }
            int colon = line.indexOf(':');
            if (code == null || colon < 0) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 'weight: terms'");
            }
            double weight = Double.parseDouble(line.substring(0, colon).strip());
            for (String term : line.substring(colon + 1).split(",")) {
                if (!term.isBlank()) {
                    entries.add(new Entry(code, term.strip(), weight));
                }
            }
        }
        return entries;
    }
}
