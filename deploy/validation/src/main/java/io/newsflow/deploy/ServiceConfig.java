package io.newsflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads from its configuration, taken from its sources rather than written down twice: the keys of
 * its {@code application.properties}, the {@code @ConfigProperty} names, {@code ${...}} references and
 * {@code @ConfigMapping} interfaces of its code and of service-commons. A deployment may set only these (as
 * environment variables, which Quarkus maps to properties) and must set those whose default points at localhost.
 */
public record ServiceConfig(
        String name,
        int httpPort,
        Set<String> knownEnv,
        Set<String> requiredEnv,
        Map<String, Incoming> incoming,
        Map<String, String> defaults) {

    /** An incoming Kafka channel: the topic, the consumer group and the consumers one instance runs. */
    public record Incoming(String channel, String topic, String group, int concurrency) {

        /** The variable that sets this channel's consumers per instance. */
        public String concurrencyEnv() {
            return toEnv("mp.messaging.incoming." + channel + ".concurrency");
        }
    }

    /**
     * Variables the deployments set that no application property names: the base image's launcher
     * (run-java.sh of registry.access.redhat.com/ubi9/openjdk-21) reads them.
     */
    static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO");

    /**
     * Runtime properties of the Elasticsearch client extension that the services' own files do not mention because
     * the local stack runs without security; the Kubernetes deployment logs in with them.
     */
    static final Set<String> ELASTICSEARCH_CLIENT_PROPERTIES = Set.of(
            "quarkus.elasticsearch.username", "quarkus.elasticsearch.password", "quarkus.elasticsearch.protocol");

    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"([^)]*)\\)");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("defaultValue\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)(?::([^}]*))?}");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile("\\s(\\w+)\\(\\)\\s*$");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"");
    private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\\s*\"([^\"]*)\"");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    /** Reads {@code <repository>/<service>/src/main/...} and {@code service-commons/src/main/java}. */
    public static ServiceConfig load(Path repository, String service) {
        Path module = repository.resolve(service);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                known.add(key.substring(key.indexOf('.') + 1));
            } else {
                known.add(key);
                defaults.put(key, properties.getProperty(key));
            }
        }
        Map<String, String> codeDefaults = new LinkedHashMap<>();
        for (Path source :
                javaSources(module.resolve("src/main/java"), repository.resolve("service-commons/src/main/java"))) {
            codeDefaults.putAll(propertiesReadBy(read(source)));
        }
        known.addAll(codeDefaults.keySet());
        // a default in application.properties wins over the one in the code
        codeDefaults.forEach(defaults::putIfAbsent);
        if (known.contains("quarkus.elasticsearch.hosts")) {
            known.addAll(ELASTICSEARCH_CLIENT_PROPERTIES);
        }

        Set<String> required = new TreeSet<>();
        defaults.forEach((key, value) -> {
            if (value.contains("localhost")) {
                required.add(toEnv(key));
            }
        });
        if (defaults.containsKey("quarkus.datasource.db-kind")) {
            // the defaults are the local stack's own credentials
            required.add(toEnv("quarkus.datasource.username"));
            required.add(toEnv("quarkus.datasource.password"));
        }
        if (known.contains("newsflow.admin-key")) {
            // without it the admin endpoints refuse everyone: sources cannot be registered
            required.add(toEnv("newsflow.admin-key"));
        }

        Set<String> knownEnv = new TreeSet<>(IMAGE_ENV);
        known.forEach(key -> knownEnv.add(toEnv(key)));

        Map<String, Incoming> incoming = new LinkedHashMap<>();
        defaults.forEach((key, value) -> {
            Matcher topic = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic")
                    .matcher(key);
            if (topic.matches()) {
                String channel = topic.group(1);
                String prefix = "mp.messaging.incoming." + channel + ".";
                incoming.put(
                        channel,
                        new Incoming(
                                channel,
                                value,
                                defaults.get(prefix + "group.id"),
                                Integer.parseInt(defaults.getOrDefault(prefix + "concurrency", "1"))));
            }
        });
        return new ServiceConfig(
                service, Integer.parseInt(defaults.get("quarkus.http.port")), knownEnv, required, incoming, defaults);
    }

    /** The environment variable Quarkus maps to a property: upper case, every other character an underscore. */
    public static String toEnv(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** The one incoming channel of the service (enrich and search have one each). */
    public Incoming onlyIncoming() {
        if (incoming.size() != 1) {
            throw new IllegalStateException(name + " has " + incoming.size() + " incoming channels");
        }
        return incoming.values().iterator().next();
    }

    /**
     * The properties a source file reads, each with its default when the code names one (an empty string when it
     * does not).
     */
    static Map<String, String> propertiesReadBy(String source) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            Matcher fallback = DEFAULT_VALUE.matcher(property.group(2));
            names.put(property.group(1), fallback.find() ? fallback.group(1) : "");
        }
        Matcher expression = EXPRESSION.matcher(source);
        while (expression.find()) {
            names.putIfAbsent(expression.group(1), expression.group(2) == null ? "" : expression.group(2));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (mapping.find()) {
            // one member a statement: its annotations (@WithName, @WithDefault) come before its name
            for (String member : source.substring(mapping.end()).split(";")) {
                Matcher method = MAPPING_METHOD.matcher(member);
                if (!method.find()) {
                    continue;
                }
                Matcher withName = WITH_NAME.matcher(member);
                Matcher withDefault = WITH_DEFAULT.matcher(member);
                String name = withName.find() ? withName.group(1) : kebab(method.group(1));
                names.put(mapping.group(1) + "." + name, withDefault.find() ? withDefault.group(1) : "");
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return CAMEL.matcher(camel).replaceAll("$1-$2").toLowerCase();
    }

    private static List<Path> javaSources(Path... roots) {
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
