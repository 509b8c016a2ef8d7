package io.newsflow.ingest.article;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.Problem;
import io.newsflow.commons.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Reads articles from request bodies: a JSON object or array, or NDJSON one line at a time. */
@ApplicationScoped
public class ArticleReader {

    /** The longest NDJSON line: one article with the largest text, escaped. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final NinjsMapper ninjs;

    ArticleReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.ninjs = new NinjsMapper(mapper);
    }

    SubmittedItem read(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return SubmittedItem.unreadable(
                    index, List.of(new Problem.FieldError("", "must be a JSON object (an article)")));
        }
        if (NinjsMapper.isNinjs(node)) {
            NinjsMapper.Result result = ninjs.map(node);
            if (result.article() == null) {
                return SubmittedItem.unreadable(index, result.errors());
            }
            return result.retracts()
                    ? SubmittedItem.retraction(index, result.article())
                    : SubmittedItem.of(index, result.article());
        }
        try {
            return SubmittedItem.of(index, mapper.treeToValue(node, ArticleSubmission.class));
        } catch (JsonMappingException e) {
            return SubmittedItem.unreadable(index, List.of(ProblemMappers.fieldError(e)));
        } catch (JsonProcessingException e) {
            return SubmittedItem.unreadable(index, List.of(new Problem.FieldError("", "cannot be read as an article")));
        }
    }

    /**
     * Streams NDJSON: hands each non-blank line to {@code sink} as an item, never holding more than one line.
     * A line that is not UTF-8, not JSON or too long becomes an unreadable item; the lines after it still count.
     */
    void readNdjson(InputStream body, Consumer<SubmittedItem> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int index = 0;
        int lineNumber = 1;
        boolean tooLong = false;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = body.read(buffer)) != -1) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                // the line ends here: copy its last piece in one go, never a byte at a time
                tooLong = append(line, buffer, start, i - start, tooLong);
                if (tooLong || line.size() > 0) {
                    SubmittedItem item =
                            tooLong ? tooLong(index, lineNumber) : line(index, lineNumber, line.toByteArray());
                    if (item != null) {
                        sink.accept(item);
                        index++;
                    }
                }
                line.reset();
                tooLong = false;
                lineNumber++;
                start = i + 1;
            }
            tooLong = append(line, buffer, start, read - start, tooLong);
        }
        if (tooLong) {
            sink.accept(tooLong(index, lineNumber));
        } else if (line.size() > 0) {
            SubmittedItem item = line(index, lineNumber, line.toByteArray());
            if (item != null) {
                sink.accept(item);
            }
        }
    }

    /** Adds bytes to the current line unless it is already too long; returns whether it is too long now. */
    private static boolean append(ByteArrayOutputStream line, byte[] buffer, int offset, int length, boolean tooLong) {
        if (tooLong || line.size() + length > MAX_LINE_BYTES) {
            line.reset();
            return true;
        }
        line.write(buffer, offset, length);
        return false;
    }

    /** The item on one line, or null for a blank line. */
    private SubmittedItem line(int index, int lineNumber, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return SubmittedItem.unreadable(
                    index, List.of(new Problem.FieldError("", "line " + lineNumber + " is not valid UTF-8")));
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            if (NinjsMapper.mayBeNinjs(text)) {
                JsonNode node = mapper.readTree(text);
                if (NinjsMapper.isNinjs(node)) {
                    return read(index, node);
                }
            }
            // straight to the record: building a tree first would parse every article twice
            ArticleSubmission article = mapper.readValue(text, ArticleSubmission.class);
            return article == null ? notAnArticle(index) : SubmittedItem.of(index, article);
        } catch (JsonParseException e) {
            return SubmittedItem.unreadable(
                    index,
                    List.of(new Problem.FieldError(
                            "", "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage())));
        } catch (JsonMappingException e) {
            return e.getPath().isEmpty()
                    ? notAnArticle(index)
                    : SubmittedItem.unreadable(index, List.of(ProblemMappers.fieldError(e)));
        } catch (JsonProcessingException e) {
            return SubmittedItem.unreadable(index, List.of(new Problem.FieldError("", "cannot be read as an article")));
        }
    }

    private static SubmittedItem notAnArticle(int index) {
        return SubmittedItem.unreadable(
                index, List.of(new Problem.FieldError("", "must be a JSON object (an article)")));
    }

    private static SubmittedItem tooLong(int index, int lineNumber) {
        return SubmittedItem.unreadable(
                index,
                List.of(new Problem.FieldError(
                        "", "line " + lineNumber + " is longer than " + MAX_LINE_BYTES + " bytes")));
    }
}
