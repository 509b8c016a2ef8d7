package io.newsflow.commons.http;

import io.newsflow.commons.problem.Problem;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Refuses a request whose {@code Content-Type} header is not a media type at all ({@code ;;;/}) with a 415 problem.
 * The REST layer parses that header when it picks between methods that consume different types, and its parser
 * throws on such a value, which would otherwise end as a 500.
 */
@ApplicationScoped
public class ContentTypeFilter {

    @RouteFilter(999)
    void check(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (contentType != null && !contentType.isBlank() && !parses(contentType)) {
            Problem problem = Problem.of(
                    Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header is not a media type (such as application/json).",
                    context.request().path(),
                    List.of(new Problem.FieldError("Content-Type", "is not a media type")));
            context.response()
                    .setStatusCode(415)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    private static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
