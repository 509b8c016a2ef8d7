package io.newsflow.search.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.auth.AdminKeyFilter;
import io.newsflow.commons.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When the dashboard is protected ({@link DashboardConfig#protectedByAdminKey()}), its page, its scripts and
 * {@code /api/v1/dashboard/*} need the admin key: in {@code X-Api-Key}, or as the password of HTTP Basic, which a
 * browser asks for once and then sends with every request of the page (an {@code EventSource} cannot set a
 * header). A Vert.x filter, because the page is a static resource that no JAX-RS filter sees.
 */
@ApplicationScoped
public class DashboardAccessFilter {

    private static final Logger LOG = Logger.getLogger(DashboardAccessFilter.class);
    private static final String BASIC = "Basic ";
    // after the CORS and security filters Quarkus registers, before any route
    private static final int PRIORITY = 100;

    private final boolean protectedByKey;
    private final Optional<byte[]> adminKey;
    private final ObjectMapper json;

    DashboardAccessFilter(
            DashboardConfig config,
            @ConfigProperty(name = "newsflow.admin-key") Optional<String> adminKey,
            ObjectMapper json) {
        this.protectedByKey = config.protectedByAdminKey();
        this.adminKey =
                adminKey.filter(key -> !key.isBlank()).map(key -> key.strip().getBytes(StandardCharsets.UTF_8));
        this.json = json;
        if (protectedByKey && this.adminKey.isEmpty()) {
            LOG.warn("The dashboard is protected but no admin key is configured (NEWSFLOW_ADMIN_KEY): it refuses"
                    + " every caller");
        }
    }

    void register(@Observes Filters filters) {
        if (protectedByKey) {
            filters.register(this::check, PRIORITY);
        }
    }

    /** The paths of the dashboard: the page, its own scripts and styles, and its API. */
    static boolean dashboardPath(String path) {
        return path.equals("/")
                || path.equals("/index.html")
                || path.startsWith("/dashboard/")
                || path.startsWith("/api/v1/dashboard/")
                || path.equals("/api/v1/dashboard");
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (!dashboardPath(path)) {
            context.next();
            return;
        }
        String headerKey = context.request().getHeader(AdminKeyFilter.HEADER);
        if (headerKey != null && !headerKey.isBlank()) {
            if (isAdminKey(headerKey)) {
                context.next();
            } else {
                refuse(context, Response.Status.FORBIDDEN, "Only the admin key may see the dashboard.", path);
            }
            return;
        }
        String password = basicPassword(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (password != null && isAdminKey(password)) {
            context.next();
            return;
        }
        // a wrong Basic password is a 401 too, so the browser asks again
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"newsflow dashboard\", charset=\"UTF-8\"");
        refuse(
                context,
                Response.Status.UNAUTHORIZED,
                "The dashboard needs the admin key: in the X-Api-Key header, or as the password of HTTP Basic"
                        + " (any user name).",
                path);
    }

    private boolean isAdminKey(String candidate) {
        return adminKey.isPresent()
                && MessageDigest.isEqual(adminKey.get(), candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The password of an HTTP Basic header, or null when there is none or it is malformed. */
    static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void refuse(RoutingContext context, Response.Status status, String detail, String path) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, detail, path, List.of()));
        } catch (JsonProcessingException e) {
            body = "";
        }
        context.response()
                .setStatusCode(status.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
