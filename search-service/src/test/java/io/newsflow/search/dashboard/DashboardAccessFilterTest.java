package io.newsflow.search.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DashboardAccessFilterTest {

    @Test
    void thePasswordOfBasicIsEverythingAfterTheFirstColon() {
        assertThat(DashboardAccessFilter.basicPassword(basic("operator:se:cret")))
                .isEqualTo("se:cret");
        assertThat(DashboardAccessFilter.basicPassword("basic " + encode(":key")))
                .isEqualTo("key");
        assertThat(DashboardAccessFilter.basicPassword(basic("no colon"))).isNull();
        assertThat(DashboardAccessFilter.basicPassword("Basic !!!not base64")).isNull();
        assertThat(DashboardAccessFilter.basicPassword("Bearer abc")).isNull();
        assertThat(DashboardAccessFilter.basicPassword(null)).isNull();
    }

    @Test
    void onlyTheDashboardsPathsAreGuarded() {
        assertThat(DashboardAccessFilter.dashboardPath("/")).isTrue();
        assertThat(DashboardAccessFilter.dashboardPath("/index.html")).isTrue();
        assertThat(DashboardAccessFilter.dashboardPath("/dashboard/dashboard.js"))
                .isTrue();
        assertThat(DashboardAccessFilter.dashboardPath("/api/v1/dashboard/pipeline"))
                .isTrue();
        assertThat(DashboardAccessFilter.dashboardPath("/api/v1/search")).isFalse();
        assertThat(DashboardAccessFilter.dashboardPath("/q/health/ready")).isFalse();
        assertThat(DashboardAccessFilter.dashboardPath("/webjars/uplot/1.6.30/dist/uPlot.min.css"))
                .isFalse();
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
