package io.newsflow.deploy;

/**
 * The versions the build pins (parent pom): the images must run the same Kafka and Elasticsearch as the local
 * stack, and the analysis plugin installs only into the Elasticsearch version it was built for.
 */
public record Versions(String project, String kafka, String elasticsearch) {

    /** The versions Maven passes to the tests (deploy/validation/pom.xml). */
    public static Versions fromBuild() {
        return new Versions(
                System.getProperty("newsflow.version"),
                System.getProperty("newsflow.kafka.version"),
                System.getProperty("newsflow.elasticsearch.version"));
    }

    /** The analysis plugin zip the build puts in deploy/analysis-plugin/target. */
    public String analysisPluginZip() {
        return "newsflow-analysis-plugin-" + project + ".zip";
    }
}
