package io.newsflow.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A real BBC News page, against the metadata mozilla/readability expects of it. */
class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor(new ObjectMapper());

    @Test
    void readsWhatARealNewsPageSaysAboutItself() throws IOException {
        var page = Jsoup.parse(
                new ByteArrayInputStream(Fixtures.bytes("pages/bbc-1.html")),
                null,
                "http://www.bbc.com/news/world-us-canada-33646753");
        PageExtractor.ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.title()).isEqualTo("Obama admits US gun laws are his 'biggest frustration'");
        assertThat(extracted.publishedAt()).isEqualTo(Instant.parse("2015-07-24T04:36:09Z"));
        assertThat(extracted.language()).isEqualTo("en");
        assertThat(extracted.summary())
                .isEqualTo("President Barack Obama tells the BBC his failure to pass \"common sense gun safety laws\""
                        + " is the greatest frustration of his presidency.");
        assertThat(extracted.imageUrl()).startsWith("http");
        assertThat(extracted.text()).contains("gun").hasSizeGreaterThan(1000);
    }

    @Test
    void datesComeInManyForms() {
        assertThat(Dates.parse("2015-07-24T05:36:09+01:00")).contains(Instant.parse("2015-07-24T04:36:09Z"));
        assertThat(Dates.parse("Fri, 24 Jul 2015 05:36:09 GMT")).contains(Instant.parse("2015-07-24T05:36:09Z"));
        assertThat(Dates.parse("2015-07-24")).contains(Instant.parse("2015-07-24T00:00:00Z"));
        assertThat(Dates.parse("2015-07-24T05:36:09")).contains(Instant.parse("2015-07-24T05:36:09Z"));
        assertThat(Dates.parse("last Tuesday")).isEmpty();
    }
}
