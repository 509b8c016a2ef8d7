package io.newsflow.search.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ISO 3166-1 alpha-2 codes by code or English name, so {@code location=France} also finds articles about Lyon. */
final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            CODES.put(code.toLowerCase(Locale.ROOT), code);
            CODES.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
    }

    private Countries() {}

    static Optional<String> code(String codeOrName) {
        return Optional.ofNullable(CODES.get(codeOrName.strip().toLowerCase(Locale.ROOT)));
    }
}
