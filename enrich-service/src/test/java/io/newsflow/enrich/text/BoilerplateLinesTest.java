package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateLinesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Read more: Looted colonial art returns to Namibia",
                "Lesen Sie auch: Die Bahn erhöht die Preise",
                "LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández",
                "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
                "Keine Kommentare",
                "12 Comments",
                "Photo: Oli Scarff/Getty Images",
                "Follow us on Twitter",
                "23.10.2018",
                "January 13, 2020 at 08:45 AM",
                "Veröffentlicht am 16.08.2019"
            })
    void pointersLeftoversCreditsAndDatesAreBoilerplate(String line) {
        assertThat(BoilerplateLines.isBoilerplate(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Photos which were released online show the actress at the airport.",
                "Source: Russian Defense Ministry, October 25, 2019",
                "Read the fine print before you sign anything, the regulator warned on Monday, because the terms"
                        + " of such loans can change at short notice and many borrowers only notice when it is too"
                        + " late to get out.",
                "In 2019 the council met twelve times."
            })
    void sentencesAreNot(String line) {
        assertThat(BoilerplateLines.isBoilerplate(line)).isFalse();
    }
}
