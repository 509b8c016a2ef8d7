package io.newsflow.enrich.entity;

/**
 * One span of text the tagger marked as a named entity.
 *
 * @param type {@code person}, {@code organization} or {@code location}
 * @param start offset of the first character in the tagged text
 * @param end offset after the last character
 * @param sentence index of the sentence the span is in
 */
public record Mention(String type, String text, int start, int end, int sentence) {

    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String LOCATION = "location";
}
