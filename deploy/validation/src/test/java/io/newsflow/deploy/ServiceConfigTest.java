package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the checks take each service to read is what its code and properties say. */
class ServiceConfigTest {

    @Test
    void aServiceRequiresItsConnectionsCredentialsAndAdminKey() {
        ServiceConfig enrich = Repository.APPLICATIONS.get("enrich-service");

        assertThat(enrich.requiredEnv())
                .containsExactlyInAnyOrder(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "QUARKUS_DATASOURCE_REACTIVE_URL",
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "NEWSFLOW_ADMIN_KEY");
        assertThat(Repository.APPLICATIONS.get("search-service").requiredEnv())
                .containsExactlyInAnyOrder(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "QUARKUS_ELASTICSEARCH_HOSTS",
                        "NEWSFLOW_ADMIN_KEY",
                        // the dashboard's @WithDefault("http://localhost:8081")
                        "NEWSFLOW_DASHBOARD_INGEST_URL",
                        "NEWSFLOW_DASHBOARD_ENRICH_URL");
        assertThat(enrich.httpPort()).isEqualTo(8082);
    }

    @Test
    void knownVariablesComeFromPropertiesAnnotationsExpressionsAndMappings() {
        ServiceConfig ingest = Repository.APPLICATIONS.get("ingest-service");

        assertThat(ingest.knownEnv())
                .contains(
                        "NEWSFLOW_RATE_LIMIT_REQUESTS_PER_SECOND", // @ConfigProperty
                        "NEWSFLOW_FEEDS_MIN_INTERVAL", // @ConfigMapping(prefix = "newsflow.feeds") minInterval()
                        "NEWSFLOW_KAFKA_PROVISION_TOPICS", // service-commons
                        "QUARKUS_HTTP_PORT") // application.properties
                .doesNotContain("QUARKUS_ELASTICSEARCH_HOSTS", "SEARCH_ALIAS");
        assertThat(Repository.APPLICATIONS.get("enrich-service").knownEnv())
                .contains("NEWSFLOW_KNOWLEDGE_BASE_REFRESH", "MP_MESSAGING_INCOMING_RAW_ARTICLES_CONCURRENCY");
        assertThat(Repository.APPLICATIONS.get("search-service").knownEnv())
                .contains("SEARCH_ALIAS", "SEARCH_VERSIONS_INDEX", "QUARKUS_ELASTICSEARCH_PASSWORD");
    }

    @Test
    void aDefaultInTheCodeThatPointsAtLocalhostIsRequiredToo() {
        String source = """
                @ConfigMapping(prefix = "newsflow.dashboard")
                public interface DashboardConfig {
                    /** Off by default. */
                    @WithName("protected")
                    @WithDefault("false")
                    boolean protectedByAdminKey();

                    @WithDefault("http://localhost:8081")
                    String ingestUrl();

                    Optional<String> searchUrl();
                }
                class Other {
                    Other(@ConfigProperty(name = "newsflow.peer", defaultValue = "localhost:1") String peer) {}
                }
                """;

        assertThat(ServiceConfig.propertiesReadBy(source))
                .containsEntry("newsflow.dashboard.protected", "false")
                .containsEntry("newsflow.dashboard.ingest-url", "http://localhost:8081")
                .containsEntry("newsflow.dashboard.search-url", "")
                .containsEntry("newsflow.peer", "localhost:1");
    }

    @Test
    void consumersAreReadFromTheIncomingChannels() {
        ServiceConfig.Incoming enrich =
                Repository.APPLICATIONS.get("enrich-service").onlyIncoming();
        ServiceConfig.Incoming search =
                Repository.APPLICATIONS.get("search-service").onlyIncoming();

        assertThat(enrich.topic()).isEqualTo("news.articles.raw");
        assertThat(enrich.group()).isEqualTo("enrich-service");
        assertThat(enrich.concurrency()).isEqualTo(3);
        assertThat(search.topic()).isEqualTo("news.articles.enriched");
        assertThat(search.concurrency()).isEqualTo(1);
        assertThat(Repository.APPLICATIONS.get("ingest-service").incoming()).isEmpty();
    }
}
