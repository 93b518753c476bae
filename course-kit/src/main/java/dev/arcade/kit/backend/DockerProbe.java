package dev.arcade.kit.backend;

import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker engine answers; kept apart so Testcontainers loads only when asked. */
final class DockerProbe {
    private DockerProbe() {}

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
