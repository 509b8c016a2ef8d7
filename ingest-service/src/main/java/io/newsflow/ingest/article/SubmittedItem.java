package io.newsflow.ingest.article;

import io.newsflow.commons.problem.Problem;
import java.util.List;

/**
 * One article of a request as read from the body: the article, or why it could not be read.
 *
 * @param index its position in the request, from 0
 */
record SubmittedItem(int index, ArticleSubmission article, List<Problem.FieldError> readErrors) {

    static SubmittedItem of(int index, ArticleSubmission article) {
        return new SubmittedItem(index, article, List.of());
    }

    static SubmittedItem unreadable(int index, List<Problem.FieldError> errors) {
        return new SubmittedItem(index, null, errors);
    }
}
