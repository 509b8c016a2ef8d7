package io.newsflow.search.replay;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.commons.auth.AdminKeyFilter;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.newsflow.search.index.ArticleIndex;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** POST /api/v1/admin/reindex: a new index from the enriched topic, then the alias switch. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ReindexResourceTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @Inject
    ArticleIndex index;

    @Inject
    ElasticsearchClient client;

    @Test
    void replaysTheTopicIntoANewIndexThenSwitchesTheAlias() throws Exception {
        String token = TestArticles.token();
        TestArticles.publish(
                article(token, "a").build(),
                article(token, "b").build(),
                article(token, "c").build());
        TestArticles.awaitTotal(token, 3);
        String previous = index.currentIndex().orElseThrow();

        String rebuilt = given().header(AdminKeyFilter.HEADER, ADMIN_KEY)
                .post("/api/v1/admin/reindex")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/admin/reindex"))
                .body("state", equalTo("running"))
                .body("previousIndex", equalTo(previous))
                .extract()
                .path("index");
        assertThat(rebuilt)
                .startsWith(index.alias() + "-" + ArticleIndex.DEFINITION.substring("articles-".length()) + "-")
                .isNotEqualTo(previous);
        // searches keep being answered meanwhile, and articles keep coming
        assertThat(TestArticles.total(token)).isEqualTo(3);
        TestArticles.publish(article(token, "d").build(), article(token, "e").build());

        // the shared test topic holds every article any test or benchmark ever published: minutes of replay
        await().atMost(Duration.ofSeconds(420))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "done".equals(progress().getString("state")));
        JsonPath done = progress();
        assertThat(done.getBoolean("switched")).isTrue();
        assertThat(done.getLong("indexed")).isGreaterThanOrEqualTo(5);
        assertThat(done.getLong("messages")).isGreaterThanOrEqualTo(done.getLong("totalMessages"));
        assertThat(index.currentIndex()).contains(rebuilt);

        TestArticles.awaitTotal(token, 5);
        assertThat(client.count(c -> c.index(rebuilt)
                                .query(q -> q.match(m -> m.field("body").query(token))))
                        .count())
                .isEqualTo(5);
        // the old index is the operators' to drop once they trust the new one; the test cleans up after itself
        client.indices().delete(d -> d.index(previous));
    }

    @Test
    void theAdminCallsNeedTheAdminKey() {
        given().post("/api/v1/admin/reindex")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", startsWith("This call needs the admin key"));
        given().header(AdminKeyFilter.HEADER, "guess")
                .post("/api/v1/admin/reindex")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header(AdminKeyFilter.HEADER, "guess")
                .get("/api/v1/admin/reindex")
                .then()
                .statusCode(403);
    }

    private static JsonPath progress() {
        return given().header(AdminKeyFilter.HEADER, ADMIN_KEY)
                .get("/api/v1/admin/reindex")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
