package io.newsflow.ingest.article;

import io.newsflow.commons.problem.Problem;
import io.newsflow.events.BodyFormat;
import java.util.List;

/**
 * One article of a request as read from the body: the article, or why it could not be read.
 *
 * @param index its position in the request, from 0
 * @param format how the text came (a page, scraped text), or null to tell from the fields
 * @param retracts the newsroom takes the article back (a ninjs {@code pubstatus} of {@code canceled} or {@code
 *     withheld}): it leaves the search index
 */
public record SubmittedItem(
        int index,
        ArticleSubmission article,
        BodyFormat format,
        boolean retracts,
        List<Problem.FieldError> readErrors) {

    public static SubmittedItem of(int index, ArticleSubmission article) {
        return new SubmittedItem(index, article, null, false, List.of());
    }

    public static SubmittedItem of(int index, ArticleSubmission article, BodyFormat format) {
        return new SubmittedItem(index, article, format, false, List.of());
    }

    public static SubmittedItem retraction(int index, ArticleSubmission article) {
        return new SubmittedItem(index, article, null, true, List.of());
    }

    public static SubmittedItem unreadable(int index, List<Problem.FieldError> errors) {
        return new SubmittedItem(index, null, null, false, errors);
    }
}
