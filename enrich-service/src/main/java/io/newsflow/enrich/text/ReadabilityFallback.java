package io.newsflow.enrich.text;

import org.jsoup.nodes.Document;

final class ReadabilityFallback {
    String extract(Document page) {
        return "";
    }
}
