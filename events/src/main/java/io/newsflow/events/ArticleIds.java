package io.newsflow.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Article ids: a name-based UUID (RFC 9562 version 5) of the article's identity in the URL namespace, so anyone
 * can recompute an article's id and a re-pushed article keeps its id. The identity is the canonical URL, or the
 * non-web URI the sender gave ({@code urn:...}, {@code tag:...}) as given.
 */
public final class ArticleIds {

    /** The RFC 9562 namespace for URLs. */
    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private ArticleIds() {}

    public static String forCanonicalUrl(String canonicalUrl) {
        return forIdentity(canonicalUrl);
    }

    /** The id of an article identified by {@code identity}: a canonical URL or another absolute URI. */
    public static String forIdentity(String identity) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(URL_NAMESPACE.getMostSignificantBits())
                .putLong(URL_NAMESPACE.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(identity.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
}
