package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.e2e.KafkaProbe.Record;
import io.newsflow.events.EventJson;
import io.newsflow.events.Topics;
import io.newsflow.local.load.LoadGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing accepted is lost, whatever fails: while a known set of articles is pushed through ingest, each
 * service is killed (SIGKILL) and restarted in turn, then the Kafka broker, and Elasticsearch is stopped for a
 * minute. Afterwards every article that got a {@code 202} is searchable exactly once, the dead-letter topic
 * holds only the items poisoned on purpose, and the consumers have caught up.
 *
 * <p>Size: {@code -Dnewsflow.faults.articles} (2,000 by default, the CI size; 10,000 for the full run).
 */
@ExtendWith(RunningSystem.class)
class FaultToleranceIT {

    private static final int ARTICLES = Integer.getInteger("newsflow.faults.articles", 2_000);
    private static final int ELASTICSEARCH_OUTAGE_SECONDS =
            Integer.getInteger("newsflow.faults.elasticsearch-outage-seconds", 60);
    private static final int POISONED = 5;
    /** About how long the faults take: the load is spread over it, so every fault meets traffic. */
    private static final double LOAD_SECONDS = 90 + ELASTICSEARCH_OUTAGE_SECONDS;

    private final List<String> timeline = new ArrayList<>();
    private final long started = System.nanoTime();

    @Test
    void everyAcceptedArticleIsSearchableExactlyOnceAfterCrashesAndOutages() throws Exception {
        String token = "faults" + UUID.randomUUID().toString().replace("-", "");
        String sourceKey = RunningSystem.newSource("Fault suite newsroom");
        List<JsonNode> corpus = sample();
        KafkaProbe kafka = new KafkaProbe(RunningSystem.STACK.config().kafkaBootstrapServers());
        Map<TopicPartition, Long> deadLettersBefore = kafka.endOffsets(Topics.DEAD_LETTER);

        List<String> poisonKeys = new ArrayList<>();
        for (int i = 0; i < POISONED; i++) {
            poisonKeys.add("poison-" + token + "-" + i);
        }
        kafka.send(Topics.RAW, poisonKeys, key -> "{\"poisoned\": \"" + key + "\"}");

        LoadGenerator load = new LoadGenerator(
                LoadGenerator.Settings.of(RunningSystem.INGEST, sourceKey, ARTICLES, ARTICLES / LOAD_SECONDS),
                n -> article(corpus, token, n));
        CompletableFuture<LoadGenerator.Result> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });

        pause(8);
        for (String service : List.of("ingest-service", "enrich-service", "search-service")) {
            note("kill -9 " + service);
            RunningSystem.STACK.kill(RunningSystem.REPOSITORY, service);
            pause(2);
            RunningSystem.STACK.startServices(RunningSystem.REPOSITORY, List.of(service));
            note(service + " restarted");
            pause(5);
        }
        note("kill -9 Kafka");
        RunningSystem.STACK.kill(RunningSystem.REPOSITORY, "Kafka");
        pause(2);
        RunningSystem.STACK.startEngines();
        note("Kafka restarted");
        pause(5);
        note("Elasticsearch stopped for " + ELASTICSEARCH_OUTAGE_SECONDS + " s");
        RunningSystem.STACK.stopEngine("Elasticsearch");
        pause(ELASTICSEARCH_OUTAGE_SECONDS);
        RunningSystem.STACK.startEngines();
        note("Elasticsearch restarted");

        LoadGenerator.Result result = loading.join();
        note("load done: " + result.acceptedAt().size() + " accepted of " + ARTICLES + ", " + result.retries()
                + " retried requests");
        Set<String> accepted = result.acceptedAt().keySet();
        assertThat(result.notAccepted()).as("articles never accepted").isZero();

        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> kafka.lag("enrich-service", Topics.RAW) == 0
                        && kafka.lag("search-service", Topics.ENRICHED) == 0
                        && total(token) >= accepted.size());
        note("consumers caught up");

        List<String> found = searchAll(token);
        Set<String> distinct = new HashSet<>(found);
        Set<String> submitted = new HashSet<>();
        for (int n = 0; n < ARTICLES; n++) {
            submitted.add(io.newsflow.events.ArticleIds.forCanonicalUrl(url(corpus, token, n)));
        }
        List<Record> deadLetters = kafka.readFrom(Topics.DEAD_LETTER, deadLettersBefore);

        System.out.printf(
                "%nFault suite: %,d articles pushed, %,d accepted with 202, %,d searchable (%,d distinct), "
                        + "%,d dead letters (%d poisoned on purpose), lag enrich %d / search %d%n",
                ARTICLES,
                accepted.size(),
                found.size(),
                distinct.size(),
                deadLetters.size(),
                POISONED,
                kafka.lag("enrich-service", Topics.RAW),
                kafka.lag("search-service", Topics.ENRICHED));
        timeline.forEach(line -> System.out.println("  " + line));

        assertThat(found).as("no article is indexed twice").hasSameSizeAs(distinct);
        assertThat(distinct).as("every article accepted with 202 is searchable").containsAll(accepted);
        assertThat(submitted).as("nothing searchable that was not submitted").containsAll(distinct);
        // a poisoned item may be dead-lettered twice when its consumer crashed before committing: still only them
        assertThat(deadLetters)
                .as("the dead-letter topic holds only the poisoned items")
                .extracting(Record::key)
                .containsOnlyElementsOf(poisonKeys)
                .containsAll(poisonKeys);
        assertThat(kafka.lag("enrich-service", Topics.RAW)).isZero();
        assertThat(kafka.lag("search-service", Topics.ENRICHED)).isZero();
        for (String url : List.of(RunningSystem.INGEST, RunningSystem.ENRICH, RunningSystem.SEARCH)) {
            given().get(url + "/q/health/ready").then().statusCode(200);
        }
    }

    /** Every id a search for {@code token} finds, walking the pages with the cursor. */
    private static List<String> searchAll(String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request =
                    given().queryParam("q", token).queryParam("sort", "newest").queryParam("size", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(RunningSystem.SEARCH + "/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static int total(String token) {
        return given().queryParam("q", token)
                .queryParam("size", 1)
                .get(RunningSystem.SEARCH + "/api/v1/search")
                .then()
                .extract()
                .path("total");
    }

    private static List<JsonNode> sample() throws IOException {
        List<JsonNode> articles = new ArrayList<>();
        for (String line :
                Files.readAllLines(RunningSystem.REPOSITORY.resolve("deploy/local/sample/wikinews-2019-2020.jsonl"))) {
            if (!line.isBlank()) {
                articles.add(EventJson.mapper().readTree(line));
            }
        }
        return articles;
    }

    /** The n-th article: a sample article under a URL of its own, with the run's token in its body. */
    private static String article(List<JsonNode> corpus, String token, int n) {
        JsonNode source = corpus.get(n % corpus.size());
        Map<String, String> article = new LinkedHashMap<>();
        article.put("url", url(corpus, token, n));
        article.put("title", source.get("title").asText());
        article.put("body", source.get("body").asText() + "\n\nReference " + token + ".");
        if (source.hasNonNull("publishedAt")) {
            article.put("publishedAt", source.get("publishedAt").asText());
        }
        return EventJson.write(article);
    }

    private static String url(List<JsonNode> corpus, String token, int n) {
        return corpus.get(n % corpus.size()).get("url").asText() + "/" + token + "-" + n;
    }

    private void note(String event) {
        timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - started) / 1e9, event));
        System.out.println("[fault suite] " + timeline.getLast() + " at " + Instant.now());
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
