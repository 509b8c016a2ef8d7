package io.newsflow.commons.auth;

import io.newsflow.commons.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the {@link AdminOnly} endpoints of the enrich and search services: 401 without the {@code X-Api-Key}
 * header, 403 with a key that is not the admin key ({@code NEWSFLOW_ADMIN_KEY}). Without a configured admin key
 * those endpoints refuse everyone. The key is compared in constant time and never logged.
 */
public class AdminKeyFilter {

    public static final String HEADER = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);

    private final Optional<byte[]> adminKey;

    AdminKeyFilter(@ConfigProperty(name = "newsflow.admin-key") Optional<String> adminKey) {
        this.adminKey =
                adminKey.filter(key -> !key.isBlank()).map(key -> key.strip().getBytes(StandardCharsets.UTF_8));
        if (this.adminKey.isEmpty()) {
            LOG.warn("No admin key configured (NEWSFLOW_ADMIN_KEY): the admin endpoints refuse every caller");
        }
    }

    @ServerRequestFilter(nonBlocking = true)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (!adminOnly(resource)) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        String instance = request.getUriInfo().getPath();
        if (key == null || key.isBlank()) {
            return problem(
                    Response.Status.UNAUTHORIZED,
                    "This call needs the admin key in the " + HEADER + " header.",
                    instance);
        }
        boolean admin = adminKey.isPresent()
                && MessageDigest.isEqual(adminKey.get(), key.strip().getBytes(StandardCharsets.UTF_8));
        return admin ? null : problem(Response.Status.FORBIDDEN, "Only the admin key may call this.", instance);
    }

    private static boolean adminOnly(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(AdminOnly.class)
                        || resource.getResourceClass().isAnnotationPresent(AdminOnly.class));
    }

    private static Response problem(Response.Status status, String detail, String instance) {
        Response response = Problem.of(status, detail, instance, List.of()).toResponse();
        if (status == Response.Status.UNAUTHORIZED) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "ApiKey")
                    .build();
        }
        return response;
    }
}
