package io.newsflow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops a trailing 's (also with a typographic apostrophe), so "Obama's" and "Obama" are the same term. */
@NamedComponent(PossessiveFilterFactory.NAME)
public class PossessiveFilterFactory implements TokenFilterFactory {

    public static final String NAME = "news_possessive";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EnglishPossessiveFilter(tokenStream);
    }
}
