package io.newsflow.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 problem+json response that says what was wrong and where, and never shows
 * a class name or a stack trace: unexpected errors are logged with a reference the response gives.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage(), path(uri), e.errors())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail =
                errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, detail, path(uri), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notJson(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String detail = "The request body is not valid JSON: " + withoutSourceReference(e.getOriginalMessage())
                + (location == null
                        ? ""
                        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        return Problem.of(Response.Status.BAD_REQUEST, detail, path(uri), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response wrongShape(JsonMappingException e, UriInfo uri) {
        Problem.FieldError error = fieldError(e);
        if (error.field().isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body " + error.message(), path(uri), List.of())
                    .toResponse();
        }
        return Problem.of(Response.Status.BAD_REQUEST, error.field() + " " + error.message(), path(uri), List.of(error))
                .toResponse();
    }

    /** The field a JSON value of the wrong type or format is in (empty for the whole body), and what it must be. */
    public static Problem.FieldError fieldError(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String expected = expected(e);
        return new Problem.FieldError(field, expected == null ? "has the wrong type or format" : "must be " + expected);
    }

    /** More specific than {@link #wrongShape}, so it wins over Quarkus' own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongShape(e, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body cannot be read as JSON", path(uri), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e, UriInfo uri) {
        LOG.warnf("503 for %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(
                        Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), path(uri), List.of())
                                .toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps what the body's parser said in a bare 400
        if (e.getCause() instanceof JsonParseException parse) {
            return notJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongShape(mapping, uri);
        }
        // a body over the parser's limits (nested deeper than 1,000 levels, a number of thousands of digits)
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return Problem.of(
                            Response.Status.BAD_REQUEST,
                            "The request body is beyond what is read: "
                                    // the limit's message names the Java setting it comes from: not for clients
                                    + withoutSourceReference(limit.getOriginalMessage())
                                            .replaceAll(", from `[^`]*`", ""),
                            path(uri),
                            List.of())
                    .toResponse();
        }
        // a resource that already answered with a problem (e.g. a 409 naming the conflict) keeps its answer
        if (e.getResponse().getEntity() instanceof Problem problem) {
            return Response.fromResponse(e.getResponse())
                    .entity(new Problem(
                            problem.type(),
                            problem.title(),
                            problem.status(),
                            problem.detail(),
                            path(uri),
                            problem.errors()))
                    .type(Problem.MEDIA)
                    .build();
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return Problem.of(status, e.getMessage(), path(uri), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                // a dependency that does not answer is an outage to wait out, not a bug
                return unavailable(
                        new ServiceUnavailableException(
                                "A service this one depends on is not reachable; retry later.", 5, e),
                        uri);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, path(uri));
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "An unexpected error occurred; quote reference " + reference + " when reporting it.",
                        path(uri),
                        List.of())
                .toResponse();
    }

    /** Jackson's messages can end with a note on where the parser read from; the client knows its own body. */
    private static String withoutSourceReference(String message) {
        int cut = message.indexOf(" (start marker at [Source");
        if (cut < 0) {
            cut = message.indexOf(" at [Source");
        }
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The field a violation is about, without the method and parameter names Bean Validation puts before it. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static final Map<Class<?>, String> EXPECTED = Map.of(
            Instant.class, "an ISO-8601 date-time such as 2024-05-01T10:00:00Z",
            OffsetDateTime.class, "an ISO-8601 date-time such as 2024-05-01T10:00:00Z",
            String.class, "a string",
            Integer.class, "an integer",
            int.class, "an integer",
            Long.class, "an integer",
            long.class, "an integer");

    private static String expected(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (EXPECTED.containsKey(type)) {
                return EXPECTED.get(type);
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "an array";
            }
            if (Map.class.isAssignableFrom(type)) {
                return "an object";
            }
            return type.isRecord() ? "an object" : null;
        }
        return null;
    }
}
