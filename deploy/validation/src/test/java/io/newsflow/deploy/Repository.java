package io.newsflow.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checkout under test, the versions its build pins, and what each service reads. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("newsflow.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    static final Versions VERSIONS = Versions.fromBuild();
    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "search-service");
    static final Map<String, ServiceConfig> APPLICATIONS = applications();

    private Repository() {}

    private static Map<String, ServiceConfig> applications() {
        Map<String, ServiceConfig> applications = new LinkedHashMap<>();
        SERVICES.forEach(service -> applications.put(service, ServiceConfig.load(ROOT, service)));
        return applications;
    }

    /** A broken file made for a test, under src/test/resources/broken. */
    static Path broken(String name) {
        return Path.of("src/test/resources/broken").resolve(name).toAbsolutePath();
    }
}
