package io.newsflow.enrich.dedup;

/**
 * Where an article stands among earlier ones: the story it belongs to and, when it is a near-copy, the earlier
 * article it copies.
 *
 * @param duplicateOf the earliest article this one nearly copies, or {@code null}
 */
public record StoryMatch(String storyId, String duplicateOf) {

    public static StoryMatch own(String articleId) {
        return new StoryMatch(articleId, null);
    }
}
