package io.newsflow.commons.http;

import io.newsflow.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over the limit with a 413 problem before a byte of it is read (the
 * HTTP server's own check answers with an empty body). Bodies without a length are cut off by the server.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBytes;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @RouteFilter(1000)
    void limit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && declared(length) > maxBytes) {
            Problem problem = Problem.of(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes / (1024 * 1024)
                            + " MB are accepted.",
                    context.request().path(),
                    List.of());
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
