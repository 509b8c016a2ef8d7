package io.newsflow.commons.problem;

/** A dependency (Kafka, PostgreSQL, Elasticsearch) cannot take the request now; answered 503 with Retry-After. */
public class ServiceUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public ServiceUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
