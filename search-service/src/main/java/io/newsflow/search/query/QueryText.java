package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import io.newsflow.commons.problem.InvalidInputException;

/**
 * The {@code q} parameter as an Elasticsearch {@code query_string} over titles, texts and entity names. Users get
 * words, {@code "phrases"}, {@code AND}/{@code OR}/{@code NOT}, {@code +}/{@code -}, parentheses and trailing
 * wildcards. The syntax that could target other fields or tie Elasticsearch up (field names, regular
 * expressions, ranges) is escaped into plain text, and leading wildcards are refused.
 */
public final class QueryText {

    public static final String PARAMETER = "q";
    public static final String[] FIELDS = {"title^3", "body", "entityNames^2"};

    static final int MAX_LENGTH = 1_000;
    /** Characters that would reach for a field ({@code :}), a regular expression ({@code /}) or a range. */
    private static final String ESCAPED = "\\:/[]{}<>=";

    private QueryText() {}

    /** @throws InvalidInputException naming {@code q} when it is too long */
    public static Query query(String q) {
        if (q.length() > MAX_LENGTH) {
            throw new InvalidInputException(PARAMETER, "must be at most " + MAX_LENGTH + " characters");
        }
        String safe = escape(q);
        return Query.of(b -> b.queryString(qs -> qs.query(safe)
                .fields(java.util.List.of(FIELDS))
                .defaultOperator(Operator.And)
                // every word must be somewhere in the article, not all of them in one field
                .type(TextQueryType.CrossFields)
                // a leading wildcard scans every term of the index: one request could tie it up
                .allowLeadingWildcard(false)));
    }

    static String escape(String q) {
        StringBuilder safe = new StringBuilder(q.length() + 8);
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                safe.append('\\');
            }
            safe.append(c);
        }
        return safe.toString();
    }

    /** What to tell a user whose query Elasticsearch could not parse. */
    public static InvalidInputException unparseable() {
        return new InvalidInputException(
                PARAMETER,
                "is not a valid query: check that quotes and parentheses are balanced, that AND / OR / NOT stand"
                        + " between words, and that no word starts with * or ?");
    }
}
