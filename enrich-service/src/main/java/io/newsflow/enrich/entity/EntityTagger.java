package io.newsflow.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CoreNLP's 3-class CRF named-entity tagger (person, organisation, location), with CoreNLP's own tokenizer
 * and sentence splitter, its labels made consistent across the text ({@link DocumentConsistency}). The model file is taken out of CoreNLP's models jar at build time (see the pom). Thread
 * safe: the classifier is shared, each call labels its own tokens.
 */
public class EntityTagger {

    public static final String MODEL = "corenlp-4.5.10/english.all.3class.distsim.crf";
    static final String MODEL_RESOURCE = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    private static final String TOKENIZER_OPTIONS = "invertible=true,ptb3Escaping=false,untokenizable=noneKeep";
    private static final int MAX_SENTENCE_TOKENS = 250;

    private final CRFClassifier<CoreLabel> classifier;
    private final Set<DocumentConsistency.Rule> consistency;

    public EntityTagger() {
        this(DocumentConsistency.SHIPPED);
    }

    /** A tagger that makes its labels consistent across a text by these rules only (none: the CRF's labels as such). */
    EntityTagger(Set<DocumentConsistency.Rule> consistency) {
        this.classifier = load();
        this.consistency = Set.copyOf(consistency);
    }

    /** Tags plain text: the entity spans, with character offsets into {@code text}. */
    public List<Mention> tag(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<List<CoreLabel>> sentences = sentences(text);
        List<List<CoreLabel>> labelled = new ArrayList<>(sentences.size());
        List<List<String>> words = new ArrayList<>(sentences.size());
        List<List<String>> labels = new ArrayList<>(sentences.size());
        for (List<CoreLabel> sentence : sentences) {
            List<CoreLabel> tokens = classifier.classifySentence(sentence);
            labelled.add(tokens);
            words.add(tokens.stream().map(CoreLabel::word).toList());
            labels.add(new ArrayList<>(tokens.stream()
                    .map(token -> type(token.get(CoreAnnotations.AnswerAnnotation.class)))
                    .toList()));
        }
        // the article's mentions of one name agree with each other (see DocumentConsistency)
        DocumentConsistency.apply(words, labels, consistency);
        List<Mention> mentions = new ArrayList<>();
        for (int s = 0; s < labelled.size(); s++) {
            collect(labelled.get(s), labels.get(s), text, s, mentions);
        }
        return mentions;
    }

    /**
     * Labels pre-tokenized sentences (as a gold-standard corpus gives them): one label per token, {@code O} or one of
     * the {@link Mention} types. For evaluation on gold tokens.
     */
    public List<String> labels(List<String> tokens) {
        List<CoreLabel> sentence = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            CoreLabel label = new CoreLabel();
            label.setWord(token);
            label.setValue(token);
            label.setOriginalText(token);
            sentence.add(label);
        }
        List<String> labels = new ArrayList<>(tokens.size());
        for (CoreLabel token : classifier.classifySentence(sentence)) {
            labels.add(type(token.get(CoreAnnotations.AnswerAnnotation.class)));
        }
        return labels;
    }

    static List<List<CoreLabel>> sentences(String text) {
        PTBTokenizer<CoreLabel> tokenizer =
                new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
        List<CoreLabel> tokens = tokenizer.tokenize();
        List<List<CoreLabel>> sentences = new ArrayList<>();
        for (List<CoreLabel> sentence : new WordToSentenceProcessor<CoreLabel>().process(tokens)) {
            // a "sentence" without full stops (a list, a table) would make the CRF slow; cut it into pieces
            for (int from = 0; from < sentence.size(); from += MAX_SENTENCE_TOKENS) {
                sentences.add(sentence.subList(from, Math.min(sentence.size(), from + MAX_SENTENCE_TOKENS)));
            }
        }
        return sentences;
    }

    private static void collect(
            List<CoreLabel> tokens, List<String> labels, String text, int sentence, List<Mention> into) {
        String type = "O";
        int start = -1;
        int end = -1;
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            String tokenType = labels.get(i);
            if (!tokenType.equals(type)) {
                if (!"O".equals(type)) {
                    into.add(new Mention(type, text.substring(start, end), start, end, sentence));
                }
                type = tokenType;
                start = token.beginPosition();
            }
            end = token.endPosition();
        }
        if (!"O".equals(type)) {
            into.add(new Mention(type, text.substring(start, end), start, end, sentence));
        }
    }

    private static String type(String answer) {
        if (answer == null) {
            return "O";
        }
        return switch (answer) {
            case "PERSON" -> Mention.PERSON;
            case "ORGANIZATION" -> Mention.ORGANIZATION;
            case "LOCATION" -> Mention.LOCATION;
            default -> "O";
        };
    }

    private static CRFClassifier<CoreLabel> load() {
        try (InputStream in = EntityTagger.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("NER model " + MODEL_RESOURCE + " is not on the class path: build the"
                        + " enrich-service with Maven, which takes it out of CoreNLP's models jar");
            }
            return CRFClassifier.getClassifier(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("NER model does not match the CoreNLP version", e);
        }
    }
}
