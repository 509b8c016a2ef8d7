package io.newsflow.search.article;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/articles/{id}, its versions and the articles like it. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleResourceTest {

    @Test
    void theLatestVersionIsServedNinjsShapedWithItsHistory() {
        String token = TestArticles.token();
        TestArticles.Builder builder = article(token, "budget")
                .title("Budget passes")
                .source("wire")
                .topic("medtop:11000000", "politics")
                .entity("person", "Jane Doe", "wikidata:Q1", null)
                .entity("location", "Lyon", "geonames:2996944", "FR");
        EnrichedArticle first = builder.build();
        EnrichedArticle second = builder.version(2)
                .title("Budget passes after recount")
                .body("The recount about " + token + " confirmed it.")
                .build();
        TestArticles.publish(first, second);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> given().get("/api/v1/articles/" + first.id()).statusCode() == 200
                        && given().get("/api/v1/articles/" + first.id() + "/versions")
                                        .then()
                                        .extract()
                                        .<List<Integer>>path("versions.version")
                                        .size()
                                == 2);

        given().get("/api/v1/articles/" + first.id())
                .then()
                .statusCode(200)
                .body("uri", equalTo(first.url()))
                .body("type", equalTo("text"))
                .body("version", equalTo("2"))
                .body("headline", equalTo("Budget passes after recount"))
                .body("body_text", equalTo("The recount about " + token + " confirmed it."))
                .body("language", equalTo("en"))
                .body("firstcreated", equalTo("2024-05-01T10:00:00Z"))
                .body("versioncreated", equalTo(second.receivedAt().toString()))
                .body("links[0].href", equalTo(first.url()))
                .body("subject.name", contains("politics", "Jane Doe", "Lyon"))
                .body("subject[0].code", equalTo("medtop:11000000"))
                .body("subject[0].rel", equalTo("about"))
                .body("subject[1].code", equalTo("wikidata:Q1"))
                .body("subject[1].scheme", containsString("person"))
                .body("subject[2].country", equalTo("FR"))
                // the entities in ninjs form too, with what newsflow knows of them
                .body("people.name", contains("Jane Doe"))
                .body("people[0].uri", equalTo("wikidata:Q1"))
                .body("people[0].rel", equalTo("mentions"))
                .body("people[0].type", equalTo("person"))
                .body("people[0].salience", equalTo(0.5f))
                .body("people[0].confidence", equalTo(0.9f))
                // empty lists are left out, as the rest of the shape does
                .body("organisations", org.hamcrest.Matchers.nullValue())
                .body("places.name", contains("Lyon"))
                .body("places[0].uri", equalTo("geonames:2996944"))
                .body("places[0].country", equalTo("FR"))
                .body("newsflow.sourceId", equalTo("wire"));

        given().get("/api/v1/articles/" + first.id() + "/versions")
                .then()
                .statusCode(200)
                .body("latest", equalTo(2))
                .body("versions.version", contains(2, 1))
                .body("versions.title", contains("Budget passes after recount", "Budget passes"));
    }

    @Test
    void aNinjsArticleComesBackWithItsIdentityDatelineNewsroomTopicsAndExtraFields() {
        String token = TestArticles.token();
        EnrichedArticle article = article(token, "ninjs")
                .uri("urn:newsml:dpa.com:20090101:" + token)
                .located("Oslo, Norway")
                .newsroomTopic("medtop:15000000", "Sport")
                .topic("medtop:11000000", "politics")
                .extra(java.util.Map.of(
                        "slugline", "skien-google",
                        "urgency", 4,
                        "renditions",
                                List.of(java.util.Map.of("name", "main", "href", "https://img.example.org/1.jpg")),
                        "pubstatus", "usable",
                        "type", "picture"))
                .build();
        TestArticles.publish(article);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> given().get("/api/v1/articles/" + article.id()).statusCode() == 200);

        given().get("/api/v1/articles/" + article.id())
                .then()
                .statusCode(200)
                .body("uri", equalTo("urn:newsml:dpa.com:20090101:" + token))
                .body("located", equalTo("Oslo, Norway"))
                .body("links[0].href", equalTo(article.url()))
                .body("subject.code", contains("medtop:15000000", "medtop:11000000"))
                .body("subject[0].creator", equalTo("newsroom"))
                .body("subject[0].relevance", equalTo(100))
                .body("subject[1].creator", equalTo("tagger"))
                .body("slugline", equalTo("skien-google"))
                .body("urgency", equalTo(4))
                .body("renditions[0].href", equalTo("https://img.example.org/1.jpg"))
                // names this shape uses itself: the newsroom's values come back under newsflow.extra
                .body("type", equalTo("text"))
                .body("newsflow.extra.type", equalTo("picture"))
                .body("newsflow.extra.pubstatus", equalTo("usable"));
    }

    @Test
    void similarArticlesShareWordsAndEntities() {
        String token = TestArticles.token();
        EnrichedArticle eruption = article(token, "eruption")
                .title("Volcano erupts near Grindavik")
                .body("Lava from the volcano reached the outskirts of Grindavik; the fissure eruption forced an"
                        + " evacuation. " + token)
                .entity("location", "Grindavik", null, "IS")
                .build();
        EnrichedArticle followUp = article(token, "follow-up")
                .title("Grindavik volcano eruption continues")
                .body("The fissure eruption near Grindavik kept sending lava towards the town; evacuation"
                        + " orders stay. " + token)
                .entity("location", "Grindavik", null, "IS")
                .build();
        EnrichedArticle unrelated = article(token, "football")
                .title("Cup final ends in a draw")
                .body("Both teams scored twice in the final; the replay is next week. " + token)
                .build();
        TestArticles.publish(eruption, followUp, unrelated);
        TestArticles.awaitTotal(token, 3);

        List<String> similar = given().get("/api/v1/articles/" + eruption.id() + "/similar")
                .then()
                .statusCode(200)
                .body("title", hasItem("Grindavik volcano eruption continues"))
                .extract()
                .path("id");
        // earlier runs of this test left articles like these in the index: look at this run's only
        assertThat(similar.stream().filter(List.of(followUp.id(), unrelated.id())::contains))
                .first()
                .isEqualTo(followUp.id());
        assertThat(similar).doesNotContain(eruption.id());
    }

    @Test
    void anUnknownIdIsA404AndAMalformedOneA400() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("", "/versions", "/similar")) {
            given().get("/api/v1/articles/" + unknown + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString(unknown));
            given().get("/api/v1/articles/not-an-id" + path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("id"));
        }
    }
}
