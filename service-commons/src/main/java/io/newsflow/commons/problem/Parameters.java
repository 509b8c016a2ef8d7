package io.newsflow.commons.problem;

import java.util.UUID;

/** Reading path and query parameters, with a 400 problem naming the parameter when one is malformed. */
public final class Parameters {

    private Parameters() {}

    /** @throws InvalidInputException naming {@code name} when the value is not a UUID */
    public static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(name, "must be an id (a UUID)");
        }
    }
}
