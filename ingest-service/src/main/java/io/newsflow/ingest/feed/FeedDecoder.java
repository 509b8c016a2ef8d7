package io.newsflow.ingest.feed;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import io.newsflow.commons.problem.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of an XML feed, from its bytes, in the order XML and HTTP say (RFC 7303, XML 1.0 appendix F): a
 * byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE), else the HTTP charset (of the POST or of the fetched feed),
 * (unless it is no charset at all), else the XML declaration's encoding, else UTF-8 when the bytes are valid UTF-8, else what ICU's detector finds
 * for undeclared legacy bytes (windows-1252 when it finds nothing).
 */
final class FeedDecoder {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?\\s*([^\";\\s]*)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final int DETECTOR_MINIMUM_CONFIDENCE = 10;

    private FeedDecoder() {}

    /** @throws InvalidInputException naming the charset, as given, that is not one this reads */
    static String decode(byte[] bytes, String contentType) {
        int b0 = at(bytes, 0), b1 = at(bytes, 1), b2 = at(bytes, 2), b3 = at(bytes, 3);
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            return new String(bytes, 4, bytes.length - 4, UTF_32BE);
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            return new String(bytes, 4, bytes.length - 4, UTF_32LE);
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        // no mark: a '<' in a wider encoding shows itself by its zero bytes
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x3C) {
            return new String(bytes, UTF_32BE);
        }
        if (b0 == 0x3C && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
            return new String(bytes, UTF_32LE);
        }
        if (b0 == 0x00 && b1 == 0x3C) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0x3C && b1 == 0x00) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        String http = httpCharset(contentType);
        // a charset the server names wrongly is common: then the document's own declaration decides
        if (http != null && isKnown(http)) {
            return decodeAs(bytes, Charset.forName(http.strip()));
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (declared.find() && !declared.group(1).isBlank()) {
            Charset charset = charset(declared.group(1), "the XML declaration's encoding");
            // a declaration of UTF-16 on bytes that are ASCII-compatible (no zero bytes) is a mislabel
            if (!charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")) {
                return decodeAs(bytes, charset);
            }
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, detected(bytes));
    }

    private static String decodeAs(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            // declared as UTF-8 or ASCII but not so: legacy bytes are far more common than lying on purpose
            String utf8 = strictUtf8(bytes);
            return utf8 != null ? utf8 : new String(bytes, detected(bytes));
        }
        return new String(bytes, charset);
    }

    private static Charset detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < DETECTOR_MINIMUM_CONFIDENCE) {
                break;
            }
            if (Charset.isSupported(match.getName()) && !match.getName().startsWith("UTF-")) {
                return Charset.forName(match.getName());
            }
        }
        return Charset.forName("windows-1252");
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The {@code charset} parameter of a Content-Type, quotes and spaces taken away; null when there is none. */
    static String httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() && !m.group(1).isBlank() ? m.group(1) : null;
    }

    private static Charset charset(String name, String where) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException(
                    "body",
                    "names the character encoding \"" + name + "\" (" + where
                            + "), which is not one this service knows: send UTF-8, or name a standard encoding"
                            + " such as ISO-8859-1 or windows-1252");
        }
    }

    private static boolean isKnown(String name) {
        try {
            return Charset.isSupported(name.strip());
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static int at(byte[] bytes, int i) {
        return i < bytes.length ? bytes[i] & 0xff : -1;
    }
}
