package io.newsflow.ingest.auth;

import io.newsflow.commons.problem.Problem;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.ingest.source.SourceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code X-Api-Key} of every call to a resource marked {@link Access}: 401 without a known key, 403
 * with a key that may not call it, 429 with {@code Retry-After} past the key's rate. Keys are never logged.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    private static final String UNKNOWN_KEYS_FROM = "unknown keys from ";
    /** How long a source's key stays trusted without a new look-up (a removed source's key works that long). */
    private static final Duration CACHE_TIME = Duration.ofSeconds(30);

    private final Optional<String> adminKeyHash;
    private final SourceRepository sources;
    private final RateLimiter rateLimiter;
    private final Caller caller;
    private final Map<String, KnownSource> knownSources = new ConcurrentHashMap<>();

    ApiKeyFilter(
            @ConfigProperty(name = "newsflow.admin-key") Optional<String> adminKey,
            SourceRepository sources,
            RateLimiter rateLimiter,
            Caller caller) {
        this.adminKeyHash = adminKey.filter(key -> !key.isBlank()).map(ApiKeys::hash);
        if (adminKeyHash.isEmpty()) {
            LOG.warn("No admin key configured (NEWSFLOW_ADMIN_KEY): the admin endpoints refuse every caller");
        }
        this.sources = sources;
        this.rateLimiter = rateLimiter;
        this.caller = caller;
    }

    // nonBlocking: runs on the event loop before a @Blocking resource moves to a worker, as the reactive
    // source look-up needs
    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> authenticate(
            ContainerRequestContext request, ResourceInfo resource, HttpServerRequest connection) {
        Access access = resource.getResourceMethod() == null
                ? null
                : Optional.ofNullable(resource.getResourceMethod().getAnnotation(Access.class))
                        .orElse(resource.getResourceClass().getAnnotation(Access.class));
        if (access == null) {
            return Uni.createFrom().nullItem();
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            return respond(unauthorized("This call needs an API key in the " + HEADER + " header.", request));
        }
        String hash = ApiKeys.hash(key.strip());
        if (adminKeyHash.isPresent() && sameHash(hash, adminKeyHash.get())) {
            if (access.value() == Access.Role.SOURCE) {
                return respond(forbidden("Articles are sent with a source's key, not the admin key.", request));
            }
            caller.admin();
            return rateLimited(hash, request);
        }
        if (!knownSources.containsKey(hash)) {
            // a key not seen lately costs a database look-up: those are rate-limited per client address, so a
            // flood of made-up keys cannot exhaust the connection pool
            Response limited = rateLimitResponse(UNKNOWN_KEYS_FROM + clientAddress(connection), request);
            if (limited != null) {
                return respond(limited);
            }
        }
        return source(hash).map(sourceId -> {
            if (sourceId == null) {
                return unauthorized("The " + HEADER + " is not a known key.", request);
            }
            if (access.value() == Access.Role.ADMIN) {
                return forbidden("This call needs the admin key; a source's key cannot make it.", request);
            }
            caller.source(sourceId);
            return rateLimitResponse(hash, request);
        });
    }

    private Uni<String> source(String hash) {
        KnownSource known = knownSources.get(hash);
        if (known != null && known.until() > System.nanoTime()) {
            return Uni.createFrom().item(known.sourceId());
        }
        return sources.findByKeyHash(hash)
                .onFailure()
                .transform(e -> new ServiceUnavailableException(
                        "PostgreSQL is not available to check the API key; retry later.", 5, e))
                .map(source -> {
                    if (source == null) {
                        knownSources.remove(hash);
                        return null;
                    }
                    knownSources.put(
                            hash, new KnownSource(source.id.toString(), System.nanoTime() + CACHE_TIME.toNanos()));
                    return source.id.toString();
                });
    }

    private static String clientAddress(HttpServerRequest connection) {
        return connection == null || connection.remoteAddress() == null
                ? "unknown"
                : connection.remoteAddress().hostAddress();
    }

    private Uni<Response> rateLimited(String hash, ContainerRequestContext request) {
        return respond(rateLimitResponse(hash, request));
    }

    private Response rateLimitResponse(String hash, ContainerRequestContext request) {
        long wait = rateLimiter.acquire(hash);
        if (wait == 0) {
            return null;
        }
        return Response.fromResponse(Problem.of(
                                Response.Status.TOO_MANY_REQUESTS,
                                "This key made more requests than its rate allows; retry after " + wait + " s.",
                                request.getUriInfo().getPath(),
                                List.of())
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, wait)
                .build();
    }

    private static Response unauthorized(String detail, ContainerRequestContext request) {
        return Response.fromResponse(Problem.of(
                                Response.Status.UNAUTHORIZED,
                                detail,
                                request.getUriInfo().getPath(),
                                List.of())
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"")
                .build();
    }

    private static Response forbidden(String detail, ContainerRequestContext request) {
        return Problem.of(
                        Response.Status.FORBIDDEN, detail, request.getUriInfo().getPath(), List.of())
                .toResponse();
    }

    private static Uni<Response> respond(Response response) {
        return Uni.createFrom().item(response);
    }

    private static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private record KnownSource(String sourceId, long until) {}
}
