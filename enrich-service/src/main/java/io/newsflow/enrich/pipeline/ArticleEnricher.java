package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.Timer;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.enrich.dedup.MinHash;
import io.newsflow.enrich.dedup.StoryMatch;
import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.Mention;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.text.ArticleTitle;
import io.newsflow.enrich.text.MainTextExtractor;
import io.newsflow.enrich.text.PageHeadline;
import io.newsflow.enrich.text.PageLines;
import io.newsflow.enrich.text.PageMetadataTitle;
import io.newsflow.enrich.text.ScrapedTextCleaner;
import io.newsflow.enrich.text.SourceChrome;
import io.newsflow.enrich.topic.NewsroomTopics;
import io.newsflow.enrich.topic.TopicTagger;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.DetectedLanguage;
import io.newsflow.events.EnrichedArticle.Entity;
import io.newsflow.events.EnrichedArticle.Topic;
import io.newsflow.events.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment steps, in order: main text (HTML extraction or scraped-page clean-up), language, named entities
 * (English), IPTC topics. Pure computation, thread safe: the Kafka flow and {@code POST /api/v1/enrich} share it.
 */
@ApplicationScoped
public class ArticleEnricher {

    /** Entities and topics are tagged with English models: other languages get their text and language only. */
    static final String TAGGED_LANGUAGE = "en";

    static final int MAX_TAGGED_CHARS = 50_000;

    private final MainTextExtractor htmlExtractor;
    private final ScrapedTextCleaner scrapedTextCleaner;
    private final LanguageDetector languageDetector;
    private final EntityTagger entityTagger;
    private final EntityResolver entityResolver;
    private final TopicTagger topicTagger;
    private final NewsroomTopics newsroomTopics;
    private final KnowledgeBase knowledgeBase;
    private final Timer textTime;
    private final Timer languageTime;
    private final Timer entitiesTime;
    private final Timer nerTime;
    private final Timer topicsTime;

    ArticleEnricher(
            MainTextExtractor htmlExtractor,
            ScrapedTextCleaner scrapedTextCleaner,
            LanguageDetector languageDetector,
            EntityTagger entityTagger,
            EntityResolver entityResolver,
            TopicTagger topicTagger,
            KnowledgeBase knowledgeBase,
            PipelineMetrics metrics) {
        this.htmlExtractor = htmlExtractor;
        this.scrapedTextCleaner = scrapedTextCleaner;
        this.languageDetector = languageDetector;
        this.entityTagger = entityTagger;
        this.entityResolver = entityResolver;
        this.topicTagger = topicTagger;
        this.newsroomTopics = new NewsroomTopics(topicTagger.mediaTopics());
        this.knowledgeBase = knowledgeBase;
        this.textTime = metrics.stage("text");
        this.languageTime = metrics.stage("language");
        // NER and the resolution of its names together; the NER model alone, the bulk of it, is timed apart
        this.entitiesTime = metrics.stage("entities");
        this.nerTime = Timer.builder(metrics.name("ner.time"))
                .description("Time the NER model (CoreNLP CRF) takes over one article")
                .publishPercentileHistogram()
                .register(metrics.registry());
        this.topicsTime = metrics.stage("topics");
    }

    /** Everything but the near-duplicate check, for a title and a body in the given format. */
    public ArticleAnalysis analyse(String givenTitle, BodyFormat format, String body, String url) {
        return analyse(givenTitle, format, body, url, Set.of());
    }

    /**
     * The same, with the keys of the lines the article's source repeats on its pages ({@link SourceChrome}): they
     * are dropped from its text.
     */
    public ArticleAnalysis analyse(
            String givenTitle, BodyFormat format, String body, String url, Set<Long> sourceChrome) {
        Map<String, String> producedBy = new LinkedHashMap<>();
        long started = System.nanoTime();
        MainText main = mainText(givenTitle, format, body, url, producedBy, sourceChrome);
        String text = main.text();
        ArticleTitle articleTitle = main.title() != null ? main.title() : ArticleTitle.derived(text);
        String title = articleTitle.text();
        started = recordSince(textTime, started);
        DetectedLanguage language = languageDetector.detect(title + "\n" + text).orElse(null);
        started = recordSince(languageTime, started);
        producedBy.put("language", LanguageDetector.MODEL);
        if (language == null || !TAGGED_LANGUAGE.equals(language.code())) {
            return new ArticleAnalysis(articleTitle, text, language, List.of(), List.of(), producedBy);
        }
        // a news article is a few thousand characters; past this the rest of a huge text adds little but time
        String document =
                title + "\n\n" + (text.length() > MAX_TAGGED_CHARS ? text.substring(0, MAX_TAGGED_CHARS) : text);
        List<Mention> mentions = entityTagger.tag(document);
        recordSince(nerTime, started);
        List<Entity> entities = entityResolver.resolve(document, title.length(), mentions);
        started = recordSince(entitiesTime, started);
        producedBy.put("entities", EntityTagger.MODEL + "+" + EntityResolver.VERSION);
        producedBy.put("knowledgeBase", knowledgeBase.version());
        List<Topic> topics =
                topicTagger.tag(title, text, entities.stream().map(Entity::name).toList());
        recordSince(topicsTime, started);
        producedBy.put(
                "topics",
                topicTagger.version() + "+iptc-mediatopics-"
                        + topicTagger.mediaTopics().release());
        return new ArticleAnalysis(articleTitle, text, language, entities, topics, producedBy);
    }

    /** The enriched article: the raw one, what analysis found and the story it belongs to. */
    public EnrichedArticle enriched(RawArticle raw, ArticleAnalysis analysis, StoryMatch story) {
        Map<String, String> producedBy = new LinkedHashMap<>(analysis.producedBy());
        producedBy.put("duplicates", MinHash.VERSION);
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                raw.id(),
                raw.version(),
                raw.url(),
                raw.sourceId(),
                analysis.title().text(),
                analysis.text(),
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
                analysis.language(),
                analysis.entities(),
                NewsroomTopics.merged(newsroomTopics.topics(raw.subjects()), analysis.topics()),
                story.duplicateOf(),
                story.storyId(),
                producedBy,
                raw.identity(),
                analysis.title().source(),
                raw.located());
    }

    public ArticleAnalysis analyse(RawArticle raw) {
        return analyse(raw, Set.of());
    }

    public ArticleAnalysis analyse(RawArticle raw, Set<Long> sourceChrome) {
        String body = raw.format() == BodyFormat.HTML ? raw.html() : raw.body();
        return analyse(raw.title(), raw.format(), body, raw.url(), sourceChrome);
    }

    /** Records the time since {@code started} and returns now, the start of the next step. */
    private static long recordSince(Timer timer, long started) {
        long now = System.nanoTime();
        timer.record(now - started, TimeUnit.NANOSECONDS);
        return now;
    }

    /** The main text, and the title the page gave when the sender gave none (null when neither did). */
    private record MainText(String text, ArticleTitle title) {}

    private MainText mainText(
            String givenTitle,
            BodyFormat format,
            String body,
            String url,
            Map<String, String> producedBy,
            Set<Long> sourceChrome) {
        ArticleTitle given = ArticleTitle.isPresent(givenTitle) ? ArticleTitle.given(givenTitle) : null;
        if (body == null) {
            producedBy.put("text", "none");
            return new MainText("", given);
        }
        return switch (format) {
            case HTML -> {
                producedBy.put("text", "newsflow-" + MainTextExtractor.VERSION);
                String text = PageLines.without(htmlExtractor.extract(body, url), sourceChrome);
                yield new MainText(
                        text,
                        given != null ? given : PageMetadataTitle.of(body, url).orElse(null));
            }
            case SCRAPED_TEXT -> {
                producedBy.put("text", "newsflow-" + ScrapedTextCleaner.VERSION);
                if (given != null) {
                    yield new MainText(scrapedTextCleaner.clean(body, given.text(), sourceChrome), given);
                }
                // no title: find the article, then its headline above it, then the article again knowing its
                // headline (which anchors where it starts)
                String text = scrapedTextCleaner.clean(body, null, sourceChrome);
                Optional<String> headline = PageHeadline.of(body, text);
                yield headline.isEmpty()
                        ? new MainText(text, null)
                        : new MainText(
                                scrapedTextCleaner.clean(body, headline.get(), sourceChrome),
                                new ArticleTitle(headline.get(), EnrichedArticle.TITLE_PAGE_HEADLINE));
            }
            case TEXT -> {
                producedBy.put("text", "as-sent");
                yield new MainText(body.strip(), given);
            }
        };
    }
}
