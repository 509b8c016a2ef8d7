package io.newsflow.ingest.page;

/** Language tags as pages and feeds write them ({@code en_GB}, {@code en-gb}, {@code EN}). */
public final class LanguageTags {

    private LanguageTags() {}

    /** The BCP 47 form of a tag ({@code en_GB} becomes {@code en-GB}), or null when it is not a language tag. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String tag = value.strip().replace('_', '-');
        return tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") ? tag : null;
    }
}
