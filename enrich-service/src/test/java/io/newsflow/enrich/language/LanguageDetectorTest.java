package io.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.EnrichedArticle.DetectedLanguage;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void detectsTheLanguageOfNewsText() {
        // opening sentences of Wikinews articles (CC BY 2.5) in three languages
        assertThat(detector.detect("An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural"
                                + " region of Russia. A suspected gas leak led to an explosion.")
                        .map(DetectedLanguage::code))
                .contains("en");
        assertThat(detector.detect("Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Klimaschutz beschlossen,"
                                + " das den Ausstoß von Treibhausgasen bis 2030 deutlich senken soll.")
                        .map(DetectedLanguage::code))
                .contains("de");
        assertThat(detector.detect("Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les"
                                + " agriculteurs touchés par la sécheresse.")
                        .map(DetectedLanguage::code))
                .contains("fr");
    }

    @Test
    void confidenceIsAProbabilityAndEmptyTextHasNoLanguage() {
        DetectedLanguage english = detector.detect("The central bank raised interest rates again on Thursday.")
                .orElseThrow();
        assertThat(english.confidence()).isBetween(0.5, 1.0);
        assertThat(detector.detect("   ")).isEmpty();
    }
}
