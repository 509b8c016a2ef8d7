package io.newsflow.enrich.topic;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Topic;
import io.newsflow.events.RawArticle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The newsroom's own classification (ninjs {@code subject}) as topics, marked {@link
 * EnrichedArticle#ORIGIN_NEWSROOM}. An IPTC Media Topic given by URI ({@code
 * http://cv.iptc.org/newscodes/mediatopic/20000892}) or code ({@code medtop:20000892}) becomes a topic with its
 * {@code medtop:} code and the newsroom's name (the vocabulary's label when it gave none). Other codes (old IPTC
 * Subject Codes, an agency's own scheme) are not topics in the event contract (a topic is a Media Topic): they stay
 * on the article as its subjects, as given.
 */
public final class NewsroomTopics {

    /** A topic the newsroom gave is certain as far as we are concerned: it is theirs. */
    static final double SCORE = 1.0;

    static final String TRIGGER = "given by the newsroom";

    private static final java.util.regex.Pattern MEDIA_TOPIC_CODE = java.util.regex.Pattern.compile("medtop:\\d{8}");

    private static final String MEDIA_TOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/";

    private final MediaTopics mediaTopics;

    public NewsroomTopics(MediaTopics mediaTopics) {
        this.mediaTopics = mediaTopics;
    }

    public List<Topic> topics(List<RawArticle.Subject> subjects) {
        if (subjects == null || subjects.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Topic> topics = new ArrayList<>();
        for (RawArticle.Subject subject : subjects) {
            String code = code(subject.code());
            if (!MEDIA_TOPIC_CODE.matcher(code).matches() || !seen.add(code)) {
                continue;
            }
            String label = subject.name();
            if (label == null) {
                label = mediaTopics
                        .find(code)
                        .map(MediaTopics.MediaTopic::label)
                        .orElse(code);
            }
            topics.add(new Topic(code, label, SCORE, TRIGGER, EnrichedArticle.ORIGIN_NEWSROOM));
        }
        return topics;
    }

    /**
     * The newsroom's topics first, then the tagger's whose code the newsroom did not give (the newsroom's word wins).
     */
    public static List<Topic> merged(List<Topic> newsroom, List<Topic> tagged) {
        if (newsroom.isEmpty()) {
            return tagged;
        }
        Set<String> given = new LinkedHashSet<>();
        newsroom.forEach(topic -> given.add(topic.code()));
        List<Topic> all = new ArrayList<>(newsroom);
        tagged.stream().filter(topic -> !given.contains(topic.code())).forEach(all::add);
        return all;
    }

    static String code(String given) {
        String code = given.strip();
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(MEDIA_TOPIC_URI) || lower.startsWith("https://cv.iptc.org/newscodes/mediatopic/")) {
            return "medtop:" + code.substring(code.lastIndexOf('/') + 1);
        }
        if (lower.startsWith("medtop:")) {
            return "medtop:" + code.substring("medtop:".length());
        }
        return code;
    }
}
