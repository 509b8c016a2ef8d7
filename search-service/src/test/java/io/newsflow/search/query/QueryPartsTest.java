package io.newsflow.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.newsflow.commons.problem.InvalidInputException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure logic behind GET /api/v1/search, without Quarkus or Elasticsearch. */
class QueryPartsTest {

    @Test
    void querySyntaxThatReachesForFieldsRegexesOrRangesIsEscaped() {
        assertThat(QueryText.escape("title:budget")).isEqualTo("title\\:budget");
        assertThat(QueryText.escape("/tok.*/")).isEqualTo("\\/tok.*\\/");
        assertThat(QueryText.escape("date:[2000 TO 2100]")).isEqualTo("date\\:\\[2000 TO 2100\\]");
        assertThat(QueryText.escape("\"budget vote\" AND (tax OR levy) -draft"))
                .isEqualTo("\"budget vote\" AND (tax OR levy) -draft");
    }

    @Test
    void aTooLongQueryIsRefusedNamingQ() {
        assertThatThrownBy(() -> QueryText.query("x".repeat(QueryText.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("q"));
    }

    @Test
    void aCursorRoundTripsAndIsBoundToItsSort() {
        List<FieldValue> after = List.of(FieldValue.of(1714557600000L), FieldValue.of("0b0c"));
        String cursor = Cursor.encode(SearchSort.NEWEST, after);
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor, SearchSort.NEWEST))
                .extracting(FieldValue::_get)
                .containsExactly(1714557600000L, "0b0c");
        List<FieldValue> scored = Cursor.decode(
                Cursor.encode(SearchSort.RELEVANCE, List.of(FieldValue.of(3.25), FieldValue.of("id"))),
                SearchSort.RELEVANCE);
        assertThat(scored.getFirst().doubleValue()).isEqualTo(3.25);
        assertThatThrownBy(() -> Cursor.decode(cursor, SearchSort.OLDEST))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sort=newest");
    }

    @Test
    void aForgedCursorIsRefusedNamingCursor() {
        for (String forged : List.of(
                "%%%",
                "e30",
                encode("{\"sort\":\"newest\",\"after\":[1]}"),
                encode("{\"sort\":\"newest\",\"after\":[{\"a\":1},\"x\"]}"),
                encode("{\"sort\":\"newest\",\"after\":[1.5,\"x\"]}"),
                encode("{\"sort\":\"newest\",\"after\":[1e400,\"x\"]}"),
                encode("{\"sort\":\"newest\",\"after\":[99999999999999999999,\"x\"]}"),
                encode("not json"),
                "a".repeat(3_000))) {
            assertThatThrownBy(() -> Cursor.decode(forged, SearchSort.NEWEST))
                    .as(forged)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("cursor"));
        }
    }

    @Test
    void datesAreInstantsOrWholeDays() {
        assertThat(DateParameter.from("2024-05-01", "from")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(DateParameter.to("2024-05-01", "to")).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(DateParameter.from("2024-05-01T12:00:00+02:00", "from"))
                .isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(DateParameter.from(" ", "from")).isNull();
        assertThatThrownBy(() -> DateParameter.to("yesterday", "to"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("to"));
    }

    @Test
    void countriesByCodeOrEnglishName() {
        assertThat(Countries.code("France")).contains("FR");
        assertThat(Countries.code("fr")).contains("FR");
        assertThat(Countries.code("united states")).contains("US");
        assertThat(Countries.code("Lyon")).isEmpty();
    }

    @Test
    void sortsByName() {
        assertThat(SearchSort.parse(null)).isEqualTo(SearchSort.RELEVANCE);
        assertThat(SearchSort.parse("Newest")).isEqualTo(SearchSort.NEWEST);
        assertThatThrownBy(() -> SearchSort.parse("best")).isInstanceOf(InvalidInputException.class);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
