package io.newsflow.events;

/** A message that is not JSON or breaks its schema: it goes to the dead-letter topic, never retried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
