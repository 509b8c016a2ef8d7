package io.newsflow.local;

import java.nio.file.Path;

/** The JDK the launcher runs on, which the engines and services run on too. */
final class Java {

    static final int MINIMUM_VERSION = 21;

    private Java() {}

    static void requireSupportedVersion() {
        int version = Runtime.version().feature();
        if (version < MINIMUM_VERSION) {
            throw new StackException("newsflow needs a JDK " + MINIMUM_VERSION + " or newer (Elasticsearch 9 and the"
                    + " services do); this is Java " + version + " at " + home()
                    + ". Set JAVA_HOME to a JDK >= 21.");
        }
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String executable() {
        return home().resolve("bin").resolve("java").toString();
    }
}
