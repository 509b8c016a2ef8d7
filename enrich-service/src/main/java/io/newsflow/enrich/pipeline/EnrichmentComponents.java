package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.Gazetteer;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.text.MainTextExtractor;
import io.newsflow.enrich.text.ScrapedTextCleaner;
import io.newsflow.enrich.topic.MediaTopics;
import io.newsflow.enrich.topic.TopicTagger;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The enrichment steps that are plain classes (no framework in them, so the quality benchmarks use them as they
 * are), as one shared instance each. Loaded at start-up, so the first article does not wait for the NER model.
 */
public class EnrichmentComponents {

    @Produces
    @Singleton
    @Startup
    EntityTagger entityTagger() {
        return new EntityTagger();
    }

    @Produces
    @Singleton
    @Startup
    Gazetteer gazetteer() {
        return Gazetteer.load();
    }

    @Produces
    @Singleton
    EntityResolver entityResolver(Gazetteer gazetteer, KnowledgeBase knowledgeBase) {
        return new EntityResolver(gazetteer, knowledgeBase::lookup);
    }

    @Produces
    @Singleton
    @Startup
    TopicTagger topicTagger() {
        return new TopicTagger(MediaTopics.load());
    }

    @Produces
    @Singleton
    MainTextExtractor mainTextExtractor() {
        return new MainTextExtractor();
    }

    @Produces
    @Singleton
    ScrapedTextCleaner scrapedTextCleaner() {
        return new ScrapedTextCleaner();
    }
}
