package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/** The filters in the order the news_english analyzer uses them, on Lucene directly (no Elasticsearch). */
class NewsEnglishFiltersTest {

    /** standard tokenizer, lowercase (Elasticsearch's own), then the plugin's filters. */
    private static final Analyzer NEWS_ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new PossessiveFilterFactory().create(stream);
            stream = new AsciiFoldingFilterFactory().create(stream);
            stream = new KStemFilterFactory().create(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    @Test
    void pluralsAndInflectionsShareTheTermOfTheirBaseForm() throws IOException {
        assertThat(terms("Meetings")).isEqualTo(terms("meeting")).containsExactly("meeting");
        assertThat(terms("elections reported")).isEqualTo(terms("election report"));
    }

    @Test
    void namesAreNotOverStemmed() throws IOException {
        assertThat(terms("Jones Paris Texas")).containsExactly("jones", "paris", "texas");
    }

    @Test
    void possessivesMatchTheName() throws IOException {
        assertThat(terms("Obama's")).isEqualTo(terms("Obama")).containsExactly("obama");
        assertThat(terms("Obama\u2019s")).containsExactly("obama");
    }

    @Test
    void accentsAreFolded() throws IOException {
        assertThat(terms("Reykjavík São Paulo")).containsExactly("reykjavik", "sao", "paulo");
    }

    @Test
    void namedComponentsJsonListsExactlyTheAnnotatedFactories() throws IOException {
        String json = Files.readString(Path.of("src/main/plugin/named_components.json"));
        Map<String, String> listed = new TreeMap<>();
        Matcher entry = Pattern.compile("\"(news_\\w+)\"\\s*:\\s*\"([\\w.]+)\"").matcher(json);
        while (entry.find()) {
            listed.put(entry.group(1), entry.group(2));
        }
        Map<String, String> annotated = new TreeMap<>();
        try (Stream<Path> classes = Files.list(Path.of("target/classes/io/newsflow/analysis"))) {
            for (Path file :
                    classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        "io.newsflow.analysis." + file.getFileName().toString().replace(".class", "");
                NamedComponent component = loadClass(name).getAnnotation(NamedComponent.class);
                if (component != null) {
                    annotated.put(component.value(), name);
                }
            }
        }
        assertThat(listed).isNotEmpty().isEqualTo(annotated);
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = NEWS_ENGLISH.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
