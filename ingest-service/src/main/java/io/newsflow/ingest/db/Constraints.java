package io.newsflow.ingest.db;

import org.hibernate.exception.ConstraintViolationException;

/** What PostgreSQL's constraint failures look like once Hibernate Reactive has wrapped them. */
public final class Constraints {

    /** PostgreSQL's SQLSTATE for a unique or primary key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {}

    /** Whether a unique constraint (or primary key) refused the write, anywhere in the cause chain. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || String.valueOf(t.getMessage()).contains(UNIQUE_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
