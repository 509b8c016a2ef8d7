package io.newsflow.enrich.text;

public class ScrapedTextCleaner {

    public static final String VERSION = "scraped-text-1";

    public String clean(String scrapedText, String title) {
        return scrapedText;
    }
}
