package io.newsflow.ingest.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleResourceTest {

    @TestHTTPResource("/api/v1/articles")
    URI articles;

    private static String key;

    @BeforeEach
    void registerASource() {
        // not in @BeforeAll: RestAssured knows the test port only once the application runs
        if (key == null) {
            key = Sources.newSourceKey();
        }
    }

    private static String uniqueUrl() {
        return "https://news.example.org/2024/05/01/summit-" + UUID.randomUUID();
    }

    @Test
    void acceptsAnArticleOnlyAfterKafkaHasItAndPublishesAValidRawEvent() throws Exception {
        Instant before = Instant.now();
        String url = uniqueUrl();

        String id = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", url + "?utm_source=newsletter#top",
                        "title", "Leaders meet in Reykjavík",
                        "body", "The leaders met on Monday to discuss the summit.",
                        "publishedAt", "2024-05-01T10:00:00+02:00"))
                .when()
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/articles/"))
                .body("status", equalTo("accepted"))
                .body("version", equalTo(1))
                .body("url", equalTo(url))
                .body("id", equalTo(ArticleIds.forCanonicalUrl(url)))
                .extract()
                .path("id");

        // what the service published, as the broker has it, checked against the contract
        RawArticle raw = RawEvents.published(id, before.minusSeconds(5));
        assertThat(raw.title()).isEqualTo("Leaders meet in Reykjavík");
        assertThat(raw.url()).isEqualTo(url);
        assertThat(raw.publishedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(raw.version()).isEqualTo(1);

        given().header("X-Api-Key", key)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo(url))
                .body("currentVersion", equalTo(1))
                .body("versions[0].status", equalTo("accepted"));
    }

    @Test
    void sameContentIsADuplicateAndChangedContentANewVersion() {
        String url = uniqueUrl();
        Map<String, String> article = Map.of("url", url, "title", "Budget passes", "body", "The budget passed.");
        String id = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(article)
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");

        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url + "/", "title", "Budget passes", "body", "The   budget passed. "))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("duplicate"))
                .body("id", equalTo(id))
                .body("version", equalTo(1));

        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "title", "Budget passes", "body", "The budget passed after a long night."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("updated"))
                .body("id", equalTo(id))
                .body("version", equalTo(2));

        given().header("X-Api-Key", key)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("versions.status", hasItems("accepted", "updated"));
    }

    @Test
    void aCopyAtAnotherUrlIsAcceptedAndCarriesTheSameContentHash() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        Map<String, String> original = Map.of("url", uniqueUrl(), "title", "Wire story", "body", "The same wire text.");
        Map<String, String> copy = Map.of("url", uniqueUrl(), "title", "Wire story", "body", "The same wire text.");
        String first = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(original)
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");
        String second = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(copy)
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");
        assertThat(second).isNotEqualTo(first);

        RawArticle a = RawEvents.published(first, since);
        RawArticle b = RawEvents.published(second, since);
        // the enrichment links the copies through it
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
    }

    @Test
    void invalidJsonIsAProblemNotAStackTrace() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"url\": \"https://example.org/a\", \"title\": ")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void anArticleWithoutAnIdentityIsRefusedNamingUrlAndUri() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "A headline", "body", "Text without an address."))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("url"))
                .body("detail", containsString("url"))
                .body("detail", containsString("uri"));
    }

    @Test
    void aUrnIdentifiesAnArticleWithoutATitleAndTheWebAddressTravelsBeside() throws Exception {
        Instant before = Instant.now();
        String uri = "urn:newsml:news.example.org:20240501:" + UUID.randomUUID();
        String url = uniqueUrl();

        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("uri", uri, "url", url, "body", "The council met on Monday and approved the budget."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("id", equalTo(ArticleIds.forIdentity(uri)))
                .body("uri", equalTo(uri))
                .body("url", equalTo(url));

        RawArticle raw = RawEvents.published(ArticleIds.forIdentity(uri), before.minusSeconds(5));
        assertThat(raw.uri()).isEqualTo(uri);
        assertThat(raw.url()).isEqualTo(url);
        assertThat(raw.title()).isNull();
    }

    @Test
    void aUriWithoutASchemeIsNamed() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("uri", "just-an-id-42", "title", "T", "body", "Some text."))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("uri"))
                .body("detail", containsString("absolute URI"));
    }

    @Test
    void aNonHttpUrlIsNamed() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.org/file.txt", "title", "A file", "body", "Some text."))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", equalTo("must be an absolute http or https URL"));
    }

    @Test
    void aMalformedDateIsNamed() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("url", uniqueUrl(), "title", "A", "body", "B", "publishedAt", "yesterday"))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"))
                .body("errors[0].message", containsString("ISO-8601"));
    }

    @Test
    void aDateBeyondTheContractsFourDigitYearsIsRefusedNotDeadLettered() {
        // a five-digit year parses, but the raw-article schema (and so every consumer) only takes four digits
        for (String date : new String[] {"+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z"}) {
            given().header("X-Api-Key", key)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", uniqueUrl(), "title", "A", "body", "B", "publishedAt", date))
                    .post("/api/v1/articles")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("publishedAt"))
                    .body("errors[0].message", equalTo("must be a date in the years 0 to 9999"));
        }
    }

    @Test
    void aContentTypeThatIsNotAMediaTypeIs415NotA500() throws Exception {
        // sent raw: client libraries parse the header themselves and refuse to send it
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(articles)
                                .header("X-Api-Key", key)
                                .header("Content-Type", ";;;/")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"Content-Type\"");
    }

    @Test
    void jsonNestedDeeperThanTheParserReadsIsNamedAsSuch() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body("[".repeat(5000) + "]".repeat(5000))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("nesting depth (1001) exceeds the maximum allowed (1000)"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void anUnknownArticleIs404() {
        given().header("X-Api-Key", key)
                .get("/api/v1/articles/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
