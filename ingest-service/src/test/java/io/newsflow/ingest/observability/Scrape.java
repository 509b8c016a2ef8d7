package io.newsflow.ingest.observability;

import static io.restassured.RestAssured.given;

/** Test helper: one series' value from the service's own {@code /q/metrics} (Prometheus text). */
final class Scrape {

    private Scrape() {}

    /** The value of the series written exactly so (name and labels as the registry prints them), or 0 if absent. */
    static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " "))
                // the value, then maybe an exemplar (# {trace_id=...} ...) when a span was current
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst()
                .orElse(0);
    }
}
