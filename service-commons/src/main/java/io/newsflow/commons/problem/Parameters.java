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

    /**
     * A whole-number parameter within bounds, its default when absent. Taken as text on purpose: JAX-RS answers an
     * {@code int} parameter that does not convert ({@code size=abc}) with a bare 404 that names nothing.
     *
     * @throws InvalidInputException naming {@code name} when the value is not a whole number in {@code [min, max]}
     */
    public static int integer(String value, String name, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max);
    }
}
