package io.newsflow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Folds accents and other marks to ASCII, so "Reykjavik" typed without the accent finds "Reykjavík". */
@NamedComponent(AsciiFoldingFilterFactory.NAME)
public class AsciiFoldingFilterFactory implements TokenFilterFactory {

    public static final String NAME = "news_asciifolding";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream);
    }

    /** Wildcard and prefix terms ("Reykjaví*") are folded too, or they would miss the folded index terms. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream);
    }
}
