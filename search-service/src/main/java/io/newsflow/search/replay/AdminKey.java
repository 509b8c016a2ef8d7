package io.newsflow.search.replay;

import io.newsflow.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operators' key ({@code newsflow.admin-key}, {@code NEWSFLOW_ADMIN_KEY}) in the {@value #HEADER} header, as
 * the ingest service checks it. Without a configured key every caller is refused.
 */
@ApplicationScoped
public class AdminKey {

    public static final String HEADER = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final Optional<byte[]> keyHash;

    AdminKey(@ConfigProperty(name = "newsflow.admin-key") Optional<String> key) {
        this.keyHash = key.filter(k -> !k.isBlank()).map(k -> hash(k.strip()));
        if (keyHash.isEmpty()) {
            LOG.warn("No admin key configured (NEWSFLOW_ADMIN_KEY): the admin endpoints refuse every caller");
        }
    }

    /** A 401 problem to answer with, or empty when {@code presented} is the admin key. */
    public Optional<Response> refusal(String presented, String path) {
        if (presented == null || presented.isBlank()) {
            return Optional.of(refused("This call needs the admin key in the " + HEADER + " header.", path));
        }
        // compare hashes in constant time, so the answer's timing tells nothing about the key
        if (keyHash.isEmpty() || !MessageDigest.isEqual(keyHash.get(), hash(presented.strip()))) {
            return Optional.of(refused("The " + HEADER + " is not the admin key.", path));
        }
        return Optional.empty();
    }

    private static Response refused(String detail, String path) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, path, List.of())
                        .toResponse())
                .header("WWW-Authenticate", HEADER)
                .build();
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
