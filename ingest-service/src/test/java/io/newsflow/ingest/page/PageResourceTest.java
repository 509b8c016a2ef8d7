package io.newsflow.ingest.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.events.BodyFormat;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scraped pages: a real HTML page and scraped text, kept raw on the event for the enrichment. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class PageResourceTest {

    @TestHTTPResource("/api/v1/pages")
    URI pages;

    @Test
    void anHtmlPageIsReadForItsMetadataAndKeptRaw() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String url = "https://www.bbc.com/news/world-us-canada-33646753?run=" + UUID.randomUUID();
        String id = given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/html")
                .queryParam("url", url)
                .body(Fixtures.bytes("pages/bbc-1.html"))
                .post("/api/v1/pages")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");

        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.format()).isEqualTo(BodyFormat.HTML);
        assertThat(raw.title()).isEqualTo("Obama admits US gun laws are his 'biggest frustration'");
        assertThat(raw.publishedAt()).isEqualTo(Instant.parse("2015-07-24T04:36:09Z"));
        assertThat(raw.language()).isEqualTo("en");
        assertThat(raw.html()).contains("<html").hasSizeGreaterThan(100_000);
        assertThat(raw.body()).contains("gun");
    }

    @Test
    void scrapedTextIsKeptAsItCameAndItsFirstLineIsNotTakenForItsTitle() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String text = "Accessibility links\nCouncil votes to rebuild the old bridge\nHome | World | Business\n"
                + "The city council voted on Tuesday to rebuild the old bridge.\nShare this article\n";
        String id = given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/plain; charset=utf-8")
                .queryParam("url", "https://news.example.org/bridge/" + UUID.randomUUID())
                .body(text)
                .post("/api/v1/pages")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.format()).isEqualTo(BodyFormat.SCRAPED_TEXT);
        // without a title the enrichment finds the headline where the article starts (the page's first line is
        // its chrome more often than not)
        assertThat(raw.title()).isNull();
        assertThat(raw.body()).contains("Share this article").contains("Home | World | Business");
    }

    @Test
    void aGivenTitleIsTheTitle() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String id = given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/plain; charset=utf-8")
                .queryParam("url", "https://news.example.org/bridge/" + UUID.randomUUID())
                .queryParam("title", "Council votes to rebuild the old bridge")
                .body("Home\nThe city council voted on Tuesday to rebuild the old bridge.\n")
                .post("/api/v1/pages")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        assertThat(RawEvents.published(id, since).title()).isEqualTo("Council votes to rebuild the old bridge");
    }

    @Test
    void theUrlIsRequiredAndNamed() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/plain")
                .body("Some text")
                .post("/api/v1/pages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void invalidUtf8TextIsAProblem() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/plain; charset=utf-8")
                .queryParam("url", "https://news.example.org/bad-bytes")
                .body(new byte[] {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28})
                .post("/api/v1/pages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aCharsetNameNoCharsetCanHaveIsIgnoredNotA500() throws Exception {
        // sent raw: an HTTP client library would refuse to encode with such a charset itself
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        pages + "?url=https://news.example.org/odd-charset/" + UUID.randomUUID()))
                                .header("X-Api-Key", Sources.newSourceKey())
                                .header("Content-Type", "text/plain; charset=%%%")
                                .POST(HttpRequest.BodyPublishers.ofString("A headline\nAnd the text of the page."))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"accepted\"");
    }
}
