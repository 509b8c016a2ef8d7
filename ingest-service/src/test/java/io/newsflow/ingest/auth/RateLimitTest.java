package io.newsflow.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Past its rate, a key gets 429 with Retry-After; other keys are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.rate-limit.requests-per-second", "2");
        }
    }

    @Test
    void aKeyPastItsRateGets429WithRetryAfter() {
        String busy = Sources.newSourceKey();
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(
                    given().header("X-Api-Key", busy).get("/api/v1/articles/00000000-0000-5000-8000-000000000000"));
        }
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).contains(404).contains(429);
        Response limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.jsonPath().getString("detail")).contains("rate");

        String calm = Sources.newSourceKey();
        given().header("X-Api-Key", calm)
                .get("/api/v1/articles/00000000-0000-5000-8000-000000000000")
                .then()
                .statusCode(404);
    }
}
