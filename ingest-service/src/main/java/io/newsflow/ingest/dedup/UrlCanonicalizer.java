package io.newsflow.ingest.dedup;

import io.newsflow.commons.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canonical form of an article URL, from which its id is derived: the same article reached through
 * different links (tracking parameters, fragments, default ports, letter case of the host, a trailing slash)
 * gets the same canonical URL.
 */
@ApplicationScoped
public class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gclsrc",
            "msclkid",
            "yclid",
            "igshid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "wickedid",
            "rb_clickid");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):\\S+$");

    /** Whether the text names an http or https address (by its scheme; whether it is a valid one is not said). */
    public static boolean isWebAddress(String text) {
        Matcher scheme = SCHEME.matcher(text.strip());
        return scheme.matches()
                && (scheme.group(1).equalsIgnoreCase("http") || scheme.group(1).equalsIgnoreCase("https"));
    }

    /**
     * Whether the text is an absolute URI fit to identify an article: a scheme, then something, no whitespace
     * ({@code urn:newsml:example.org:2024:1}, {@code tag:example.org,2024:1}).
     */
    public static boolean isAbsoluteUri(String text) {
        return SCHEME.matcher(text).matches();
    }

    /**
     * @throws InvalidInputException naming {@code field} when the text is not an absolute http(s) URL
     */
    public String canonicalize(String url, String field) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(field, "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException(field, "must name a host");
        }
        StringBuilder canonical =
                new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            canonical.append(':').append(port);
        }
        canonical.append(path(uri));
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    private static String path(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty()
                ? "/"
                : URI.create(uri.getRawPath()).normalize().toString();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The query without tracking parameters, sorted so that parameter order does not matter. */
    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !isTracking(parameter.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }
}
