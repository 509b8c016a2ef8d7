package io.newsflow.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed documents pushed to the real service: every item an article, hostile XML refused. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedResourceTest {

    @Test
    void eachItemOfAPushedFeedBecomesAnArticleAndARepushChangesNothing() {
        // a fresh source each time: the feed's URLs are fixed, and another source may not change them
        String key = Sources.newSourceKey();
        List<String> first = given().header("X-Api-Key", key)
                .contentType("application/atom+xml")
                .body(Fixtures.bytes("feeds/heise.atom"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("$", hasSize(15))
                .body("[0].url", containsString("WildFly-10-frei-3088438.html"))
                .extract()
                .path("status");
        // the first run of the suite accepts them; later runs find them from an earlier source
        assertThat(first)
                .allMatch(s -> List.of("accepted", "duplicate", "rejected").contains(s));

        given().header("X-Api-Key", key)
                .contentType("application/atom+xml")
                .body(Fixtures.bytes("feeds/heise.atom"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("status", everyItem(oneOf("duplicate", "rejected")));
    }

    @Test
    void aJsonFeedIsReadToo() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/feed+json")
                .body(Fixtures.bytes("feeds/json_feed_with_escaped_uris.json"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("$", hasSize(30))
                .body("[0].url", equalTo("https://lukedorny.com/updates/new-font"));
    }

    @Test
    void xxeIsRefusedWithAProblem() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/rss+xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("DOCTYPE"))
                .body(org.hamcrest.Matchers.not(containsString("root:")));
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/csv")
                .body("a,b\n1,2\n")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
