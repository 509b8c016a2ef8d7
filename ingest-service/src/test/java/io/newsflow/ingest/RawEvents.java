package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test helper: what the service published on the raw topic, as the broker has it, checked against the contract. */
public final class RawEvents {

    private RawEvents() {}

    /** The raw event with this article id published since then, waiting for it up to 30 s. */
    public static RawArticle published(String id, Instant since) throws Exception {
        String value = TopicReader.find(
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                        Topics.RAW,
                        since,
                        Duration.ofSeconds(30),
                        r -> id.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no raw record with key " + id))
                .value();
        assertThat(EventContract.violations(
                        EventContract.Kind.RAW_ARTICLE, EventJson.mapper().readTree(value)))
                .isEmpty();
        return EventJson.read(value, EventContract.Kind.RAW_ARTICLE, RawArticle.class);
    }
}
