package io.newsflow.local;

/** Something the person starting the stack has to fix (a port in use, an old JDK, ...): the message says what. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
