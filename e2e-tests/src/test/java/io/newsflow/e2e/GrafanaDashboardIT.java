package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Grafana dashboard in {@code deploy/grafana/} queries only what the services export: with articles through
 * the pipeline, every metric named in a panel's PromQL, and every metric of the shared contract, is a series on
 * one of the three services' {@code /q/metrics}.
 */
@ExtendWith(RunningSystem.class)
class GrafanaDashboardIT {

    private static final Path DASHBOARD = RunningSystem.REPOSITORY.resolve("deploy/grafana/dashboards/newsflow.json");

    /** The contract's meters as Prometheus writes them: counters get _total, timers _seconds (histograms _bucket). */
    private static final List<String> CONTRACT_SERIES = List.of(
            "newsflow_ingest_articles_in_total",
            "newsflow_ingest_articles_out_total",
            "newsflow_ingest_articles_failed_total",
            "newsflow_ingest_stage_latency_seconds_bucket",
            "newsflow_ingest_feeds_failing",
            "newsflow_ingest_feeds_polls_total",
            "newsflow_enrich_articles_in_total",
            "newsflow_enrich_articles_out_total",
            "newsflow_enrich_articles_failed_total",
            "newsflow_enrich_stage_latency_seconds_bucket",
            "newsflow_enrich_consumer_lag",
            "newsflow_enrich_ner_time_seconds_count",
            "newsflow_search_articles_in_total",
            "newsflow_search_articles_out_total",
            "newsflow_search_articles_failed_total",
            "newsflow_search_stage_latency_seconds_bucket",
            "newsflow_search_consumer_lag",
            "newsflow_search_bulk_size_count",
            "newsflow_search_delay_seconds_bucket");

    /** What in a PromQL expression is not a metric: strings, label matchers, ranges, grouping and numbers. */
    private static final Pattern NOT_A_METRIC = Pattern.compile(
            "\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"
                    + "|\\b\\d+(?:\\.\\d+)?\\b");
    /** An identifier that is not a function call: after the above is removed, that is a metric name. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool");

    @BeforeAll
    static void articlesGoThroughThePipeline() {
        String key = RunningSystem.newSource("Dashboard metrics newsroom");
        String token = "graf" + UUID.randomUUID().toString().replace("-", "");
        List<Map<String, String>> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(Map.of(
                    "url", "https://news.example.org/grafana/" + token + "/" + i,
                    "title", "Parliament debates the budget " + i,
                    "body", "Members of parliament in London debated the budget on Tuesday. Reference " + token + "."));
        }
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(articles)
                .post(RunningSystem.INGEST + "/api/v1/articles")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> given().queryParam("q", token)
                                .get(RunningSystem.SEARCH + "/api/v1/search")
                                .then()
                                .extract()
                                .<Integer>path("total")
                        == 3);
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws IOException {
        Set<String> queried = queriedMetrics(new ObjectMapper().readTree(DASHBOARD.toFile()));
        assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(10);

        // the lag gauges are sampled every 5 s: wait for a first sample rather than read a NaN
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exported())
                        .as("series exported by the three services")
                        .containsAll(queried));
    }

    @Test
    void everyMetricOfTheContractIsExported() {
        assertThat(exported()).containsAll(CONTRACT_SERIES);
    }

    @Test
    void metricNamesAreReadOffPromQl() {
        assertThat(
                        metricsIn(
                                "histogram_quantile(0.99, sum by (le, stage) (rate(newsflow_x_seconds_bucket{stage=\"a b\"}[5m])))"))
                .containsExactly("newsflow_x_seconds_bucket");
        assertThat(metricsIn("sum(rate(a_sum[5m])) / sum(rate(b_count[5m])) * 60"))
                .containsExactlyInAnyOrder("a_sum", "b_count");
    }

    private static Set<String> queriedMetrics(JsonNode dashboard) {
        Set<String> metrics = new TreeSet<>();
        List<String> exprs = dashboard.findValuesAsText("expr");
        assertThat(exprs).as("PromQL expressions in " + DASHBOARD).isNotEmpty();
        exprs.forEach(expr -> metrics.addAll(metricsIn(expr)));
        return metrics;
    }

    static Set<String> metricsIn(String expr) {
        String bare = NOT_A_METRIC.matcher(expr).replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group(1))) {
                metrics.add(identifier.group(1));
            }
        }
        return metrics;
    }

    /** Every series name with a value on the three services' /q/metrics (NaN values left out: not exported yet). */
    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (String service : List.of(RunningSystem.INGEST, RunningSystem.ENRICH, RunningSystem.SEARCH)) {
            String text = given().get(service + "/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    // name{labels} value [# exemplar]: a NaN value is not exported yet (a lag before its sample)
                    .filter(line -> !line.replaceFirst("^[^{ ]*(\\{[^}]*})?", "")
                            .strip()
                            .startsWith("NaN"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
        }
        return names;
    }
}
