package io.newsflow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * English stemming with KStem: "meetings" and "meeting" share a term. KStem checks its dictionary before it
 * strips a suffix, so it leaves names and unknown words alone where Porter would cut them ("Jones" stays
 * "jones", not "jone"). Expects lowercase input.
 */
@NamedComponent(KStemFilterFactory.NAME)
public class KStemFilterFactory implements TokenFilterFactory {

    public static final String NAME = "news_kstem";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KStemFilter(tokenStream);
    }
}
