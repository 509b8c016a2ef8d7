package io.newsflow.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.EnrichedArticle.Topic;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The texts below were written for these tests, in the style of wire copy. */
class TopicTaggerTest {

    private static final String POLITICS = "medtop:11000000";
    private static final String ELECTION = "medtop:20000574";
    private static final String ECONOMY = "medtop:04000000";
    private static final String SPORT = "medtop:15000000";

    private static final TopicTagger TAGGER = new TopicTagger(MediaTopics.load());

    private static final String ELECTION_TITLE = "Ruling party loses its majority in snap election";
    private static final String ELECTION_TEXT = """
            The governing coalition lost its majority in parliament on Sunday after a snap election in which turnout \
            reached 71 per cent. The prime minister conceded defeat shortly after midnight and said he would step \
            down as party leader. The opposition won 164 of the 300 seats, according to the electoral commission. \
            Several ministers lost their own seats, including the finance minister. Talks on forming a new \
            government are expected to start this week, and the president will meet the leaders of all parties \
            represented in parliament on Tuesday.""";

    private static final String FOOTBALL_TITLE = "Late header sends City into the cup final";
    private static final String FOOTBALL_TEXT = """
            A header from the captain in the 88th minute gave City a 2-1 win over United on Saturday and a place in \
            the cup final. United had led through a penalty before half-time, but the home side dominated the \
            second half and the striker equalised from close range. The goalkeeper made three fine saves in \
            stoppage time. The coach said the players had shown great character. City will meet the league \
            leaders in the final at the national stadium next month.""";

    private static final String EARNINGS_TITLE = "Retailer's quarterly profit beats forecasts as online sales grow";
    private static final String EARNINGS_TEXT = """
            The retailer reported a net profit of 412 million euros for the third quarter, up 18 per cent from a \
            year earlier, as online sales grew faster than analysts had expected. Revenue rose to 6.1 billion \
            euros. The chief executive said the company would raise its dividend and keep investing in its \
            delivery network. Shares rose 6 per cent in early trading on the stock exchange. The group kept its \
            forecast for the full fiscal year unchanged.""";

    private static final String NEUTRAL_TITLE = "A walk along the old towpath";
    private static final String NEUTRAL_TEXT = """
            The path follows the water for about four kilometres, past a row of red brick cottages and an old \
            lock keeper's house. In the morning the light is soft and the only sounds are ducks and the odd \
            bicycle bell. Halfway along there is a wooden bench with a view over the meadows, and a little \
            further on a stone bridge where the path turns back towards the village.""";

    @Test
    void tagsAPoliticsArticleWithPoliticsAndSaysWhichWordsTriggeredIt() {
        List<Topic> topics = TAGGER.tag(ELECTION_TITLE, ELECTION_TEXT, List.of());

        Topic politics = find(topics, POLITICS);
        assertThat(politics.label()).isEqualTo("politics and government");
        assertThat(politics.score()).isGreaterThan(0.9);
        assertThat(politics.trigger())
                .contains("title: ")
                .contains("\"election\"")
                .contains("body: ");
        assertThat(codes(topics)).contains(ELECTION).doesNotContain(SPORT, ECONOMY);
        assertThat(find(topics, ELECTION).trigger()).contains("\"election\"");
    }

    @Test
    void tagsAFootballReportWithSport() {
        List<Topic> topics = TAGGER.tag(FOOTBALL_TITLE, FOOTBALL_TEXT, List.of());

        assertThat(topics.getFirst().code()).isEqualTo(SPORT);
        assertThat(topics.getFirst().trigger()).contains("\"final\"");
        assertThat(codes(topics)).doesNotContain(POLITICS, ECONOMY);
    }

    @Test
    void tagsACompanyEarningsPieceWithEconomy() {
        List<Topic> topics = TAGGER.tag(EARNINGS_TITLE, EARNINGS_TEXT, List.of());

        assertThat(topics.getFirst().code()).isEqualTo(ECONOMY);
        assertThat(topics.getFirst().trigger()).contains("\"profit\"");
        assertThat(codes(topics)).contains("medtop:20000170").doesNotContain(POLITICS, SPORT);
    }

    @Test
    void findsNothingInANeutralText() {
        assertThat(TAGGER.tag(NEUTRAL_TITLE, NEUTRAL_TEXT, List.of())).isEmpty();
        assertThat(TAGGER.tag("", "", List.of())).isEmpty();
        assertThat(TAGGER.tag(null, null, null)).isEmpty();
    }

    @Test
    void sortsByScoreAndKeepsToTheCaps() {
        String everything = ELECTION_TEXT + " " + FOOTBALL_TEXT + " " + EARNINGS_TEXT;

        List<Topic> topics = TAGGER.tag("Election, cup final and quarterly profit", everything, List.of());

        assertThat(topics)
                .isSortedAccordingTo(Comparator.comparingDouble(Topic::score).reversed());
        assertThat(topics).allSatisfy(topic -> assertThat(topic.score()).isBetween(0.0, 1.0));
        assertThat(topics.stream().filter(t -> t.code().endsWith("000000"))).hasSizeLessThanOrEqualTo(3);
        assertThat(topics.stream().filter(t -> !t.code().endsWith("000000"))).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void entityNamesCountAsEvidence() {
        List<Topic> topics = TAGGER.tag(
                "Talks resume in Geneva", "Delegations met again on Monday.", List.of("United Nations", "NATO"));

        assertThat(find(topics, POLITICS).trigger()).contains("entities: ").contains("\"united nations\"");
    }

    @Test
    void tellsAnAcronymFromACommonWord() {
        String acronym = "The WHO said the outbreak of cholera was under control, and doctors at the hospital agreed.";
        String pronoun = "The man who found the wallet handed it in.";

        assertThat(codes(TAGGER.tag("", acronym, List.of()))).contains("medtop:07000000");
        assertThat(TAGGER.tag("", pronoun, List.of())).isEmpty();
    }

    @Test
    void givesTheSameAnswerFromManyThreads() {
        List<Topic> expected = TAGGER.tag(ELECTION_TITLE, ELECTION_TEXT, List.of());

        List<List<Topic>> results = IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> TAGGER.tag(ELECTION_TITLE, ELECTION_TEXT, List.of()))
                .toList();

        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(expected));
        assertThat(TAGGER.version()).isEqualTo("newsflow-topic-rules-1");
    }

    private static Topic find(List<Topic> topics, String code) {
        return topics.stream()
                .filter(topic -> topic.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + topics));
    }

    private static List<String> codes(List<Topic> topics) {
        return topics.stream().map(Topic::code).toList();
    }
}
