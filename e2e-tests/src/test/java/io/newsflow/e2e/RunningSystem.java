package io.newsflow.e2e;

import static io.restassured.RestAssured.given;

import io.newsflow.local.LocalStack;
import io.newsflow.local.StackConfig;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged services on the test stack's real engines, started once for every end-to-end test class in the
 * run ({@code @ExtendWith(RunningSystem.class)}) and stopped when the run ends. Always the services just built,
 * never ones left running by an earlier build.
 */
public final class RunningSystem implements BeforeAllCallback {

    public static final Path REPOSITORY =
            Path.of(System.getProperty("newsflow.repository", "..")).toAbsolutePath();
    public static final LocalStack STACK = new LocalStack(StackConfig.tests());
    public static final String INGEST = "http://127.0.0.1:" + STACK.config().ingestPort();
    public static final String ENRICH = "http://127.0.0.1:" + STACK.config().enrichPort();
    public static final String SEARCH = "http://127.0.0.1:" + STACK.config().searchPort();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> start(), Services.class);
    }

    private static Services start() {
        STACK.startEngines().forEach(line -> System.out.println("[local stack] " + line));
        STACK.stopServices(REPOSITORY);
        STACK.startServices(REPOSITORY).forEach(line -> System.out.println("[local stack] " + line));
        return new Services();
    }

    /** Stops the services when the root context closes, at the end of the run. */
    private static final class Services implements AutoCloseable {
        @Override
        public void close() {
            STACK.stopServices(REPOSITORY);
        }
    }

    public static String adminKey() {
        return STACK.adminKey();
    }

    /** Registers a new newsroom and returns its API key. */
    public static String newSource(String name) {
        return given().header("X-Api-Key", adminKey())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + UUID.randomUUID()))
                .post(INGEST + "/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
    }
}
