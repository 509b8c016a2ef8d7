package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** Turns a raw article into an enriched one: main text and language (entities and topics come next). */
@ApplicationScoped
public class ArticleEnricher {

    public static final String TEXT_EXTRACTOR = "jsoup-text-1";

    private final LanguageDetector languageDetector;

    public ArticleEnricher(LanguageDetector languageDetector) {
        this.languageDetector = languageDetector;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        String text = mainText(raw);
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                raw.id(),
                raw.version(),
                raw.url(),
                raw.sourceId(),
                raw.title(),
                text,
                raw.summary(),
                raw.authors(),
                raw.publishedAt(),
                raw.section(),
                raw.imageUrl(),
                raw.tags(),
                raw.extra(),
                raw.contentHash(),
                raw.receivedAt(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                languageDetector.detect(raw.title() + "\n" + text).orElse(null),
                List.of(),
                List.of(),
                null,
                null,
                Map.of("text", TEXT_EXTRACTOR, "language", LanguageDetector.MODEL));
    }

    private static String mainText(RawArticle raw) {
        if (raw.format() == BodyFormat.HTML) {
            return Jsoup.parse(raw.html(), raw.url()).body().text();
        }
        return raw.body().strip();
    }
}
