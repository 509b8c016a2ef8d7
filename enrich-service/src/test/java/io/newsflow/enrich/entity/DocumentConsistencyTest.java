package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentConsistencyTest {

    private static final String P = Mention.PERSON;
    private static final String O = "O";
    private static final String ORG = Mention.ORGANIZATION;
    private static final String LOC = Mention.LOCATION;

    @Test
    void aNameTypedOneWayInMostMentionsTakesThatTypeEverywhere() {
        List<List<String>> tokens = List.of(
                List.of("Tesla", "shares", "rose"), List.of("Tesla", "said"), List.of("Analysts", "like", "Tesla"));
        List<List<String>> labels = labels(List.of(ORG, O, O), List.of(P, O), List.of(O, O, ORG));

        DocumentConsistency.apply(tokens, labels, EnumSet.of(DocumentConsistency.Rule.MAJORITY_TYPE));

        assertThat(labels.get(1)).containsExactly(ORG, O);
    }

    @Test
    void aNameTaggedOnceIsTaggedWhereItComesBackUntagged() {
        List<List<String>> tokens = List.of(
                List.of("Protests", "in", "Hong", "Kong", "grew"), List.of("Hong", "Kong", "police", "said", "so"));
        List<List<String>> labels = labels(List.of(O, O, LOC, LOC, O), List.of(O, O, O, O, O));

        DocumentConsistency.apply(tokens, labels, EnumSet.of(DocumentConsistency.Rule.REPEATED_NAME));

        assertThat(labels.get(1)).containsExactly(LOC, LOC, O, O, O);
    }

    @Test
    void theSurnameOfAPersonNamedInFullIsThatPerson() {
        List<List<String>> tokens =
                List.of(List.of("Angela", "Merkel", "spoke"), List.of("Merkel", "said", "no"), List.of("The", "end"));
        List<List<String>> labels = labels(List.of(P, P, O), List.of(O, O, O), List.of(O, O));

        DocumentConsistency.apply(tokens, labels, DocumentConsistency.SHIPPED);

        assertThat(labels.get(1)).containsExactly(P, O, O);
        // a capitalised word never tagged stays untagged
        assertThat(labels.get(2)).containsExactly(O, O);
    }

    @Test
    void aTaggedNameIsNeitherExtendedNorRetaggedInsideAnotherSpan() {
        List<List<String>> tokens = List.of(List.of("Kong", "said"), List.of("King", "Kong", "Ltd", "sued"));
        List<List<String>> labels = labels(List.of(P, O), List.of(ORG, ORG, ORG, O));

        DocumentConsistency.apply(tokens, labels, DocumentConsistency.SHIPPED);

        assertThat(labels.get(1)).containsExactly(ORG, ORG, ORG, O);
    }

    @SafeVarargs
    private static List<List<String>> labels(List<String>... sentences) {
        List<List<String>> labels = new ArrayList<>();
        for (List<String> sentence : sentences) {
            labels.add(new ArrayList<>(sentence));
        }
        return labels;
    }
}
